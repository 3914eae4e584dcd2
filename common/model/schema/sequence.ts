import { z } from 'zod';
import { frameCount, idSchema, rateSchema } from './primitives';

/** A point of a volume (dB) or opacity (0..1) line, at a frame relative to the clip's start. */
export const keyframeSchema = z.object({
  frame: frameCount,
  value: z.number().finite(),
});

export const clipSchema = z.object({
  type: z.literal('clip'),
  id: idSchema,
  assetId: idSchema,
  /** A clip made from a shot follows the shot's selected take; null for plain media. */
  shotId: idSchema.nullable().default(null),
  name: z.string().default(''),
  /**
   * Where the clip starts in its source, in the asset's own units: frames at the asset's rate for
   * video, samples at the asset's sample rate for audio, 0 for stills.
   */
  sourceIn: frameCount,
  /** Length on the timeline, in sequence frames. */
  durationFrames: z.number().int().positive(),
  enabled: z.boolean().default(true),
  /** How a source of another shape fills the frame. */
  fit: z.enum(['fit', 'fill']).default('fit'),
  // picture
  opacity: z.number().min(0).max(1).default(1),
  opacityKeyframes: z.array(keyframeSchema).default([]),
  videoFadeInFrames: frameCount.default(0),
  videoFadeOutFrames: frameCount.default(0),
  // sound (the clip's own sound for video clips)
  gainDb: z.number().min(-96).max(24).default(0),
  muted: z.boolean().default(false),
  volumeKeyframes: z.array(keyframeSchema).default([]),
  audioFadeInFrames: frameCount.default(0),
  audioFadeOutFrames: frameCount.default(0),
});

export const gapSchema = z.object({
  type: z.literal('gap'),
  id: idSchema,
  durationFrames: z.number().int().positive(),
});

export const transitionKindSchema = z.enum([
  'dissolve',
  'dipToBlack',
  'dipToWhite',
  'wipeLeft',
  'wipeRight',
  'wipeUp',
  'wipeDown',
]);

/**
 * A transition sits between two clips and is centred on their cut: it uses handles (source media
 * beyond the cut) from both, so it adds no length to the track.
 */
export const transitionSchema = z.object({
  type: z.literal('transition'),
  id: idSchema,
  kind: transitionKindSchema,
  durationFrames: z.number().int().positive(),
});

export const trackItemSchema = z.discriminatedUnion('type', [clipSchema, gapSchema, transitionSchema]);

export const trackSchema = z.object({
  id: idSchema,
  kind: z.enum(['video', 'audio']),
  name: z.string(),
  /** For audio: what the track carries (dialogue ducks music when ducking is on). */
  role: z.enum(['picture', 'dialogue', 'music', 'effects']).default('picture'),
  items: z.array(trackItemSchema),
  muted: z.boolean().default(false),
  solo: z.boolean().default(false),
  locked: z.boolean().default(false),
  heightPx: z.number().int().min(24).max(400).default(64),
});

export const markerSchema = z.object({
  id: idSchema,
  frame: frameCount,
  durationFrames: frameCount.default(0),
  name: z.string().default(''),
  color: z.enum(['red', 'orange', 'yellow', 'green', 'blue', 'purple']).default('blue'),
});

export const sequenceSchema = z.object({
  id: idSchema,
  name: z.string(),
  rate: rateSchema,
  width: z.number().int().positive().max(16384),
  height: z.number().int().positive().max(16384),
  sampleRate: z.number().int().positive().default(48000),
  /** Video tracks bottom to top (later tracks composite over earlier ones). */
  videoTracks: z.array(trackSchema),
  audioTracks: z.array(trackSchema),
  markers: z.array(markerSchema).default([]),
  /** In and out marks for range exports, in sequence frames. */
  inFrame: frameCount.nullable().default(null),
  outFrame: frameCount.nullable().default(null),
  /** Duck music tracks under dialogue when exporting. */
  ducking: z
    .object({ enabled: z.boolean(), amountDb: z.number().max(0) })
    .default({ enabled: false, amountDb: -12 }),
});

export type Keyframe = z.infer<typeof keyframeSchema>;
export type Clip = z.infer<typeof clipSchema>;
export type Gap = z.infer<typeof gapSchema>;
export type TransitionKind = z.infer<typeof transitionKindSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type TrackItem = z.infer<typeof trackItemSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Marker = z.infer<typeof markerSchema>;
export type Sequence = z.infer<typeof sequenceSchema>;
