import { z } from 'zod';
import { frameCount, idSchema } from '../schema/primitives';
import { keyframeSchema, markerSchema, transitionKindSchema } from '../schema/sequence';
import { modelRefSchema } from '../schema/shot';

/**
 * Every editing command the UI and the CLI can send (`project:edit`), validated over the wire and
 * applied by one applyCommand(). Commands name things by id; new objects may carry a chosen id so a
 * caller can select what it just made. Timeline frames are sequence frames; `deltaFrames` too.
 */
const seq = { sequenceId: idSchema };
const newClipSchema = z
  .object({
    id: idSchema.optional(),
    assetId: idSchema,
    shotId: idSchema.nullable().optional(),
    name: z.string().optional(),
    /** Start in the source, in the asset's own units (frames, samples, 0 for stills). */
    sourceIn: frameCount.default(0),
    durationFrames: z.number().int().positive(),
  })
  .strict();
export type NewClip = z.infer<typeof newClipSchema>;

const clipPropertiesSchema = z
  .object({
    name: z.string(),
    enabled: z.boolean(),
    fit: z.enum(['fit', 'fill']),
    opacity: z.number().min(0).max(1),
    gainDb: z.number().min(-96).max(24),
    muted: z.boolean(),
    videoFadeInFrames: frameCount,
    videoFadeOutFrames: frameCount,
    audioFadeInFrames: frameCount,
    audioFadeOutFrames: frameCount,
  })
  .partial()
  .strict();

const shotFieldsSchema = z
  .object({
    name: z.string(),
    prompt: z.string(),
    negativePrompt: z.string(),
    cameraDirection: z.string(),
    keyframes: z.object({
      first: idSchema.nullable(),
      middle: idSchema.nullable(),
      last: idSchema.nullable(),
    }),
    referenceIds: z.array(idSchema),
    sourceVideoAssetId: idSchema.nullable(),
    durationSeconds: z.number().int().positive().max(60),
    ratio: z.string().regex(/^\d+:\d+$/),
    seed: z.number().int().nonnegative().nullable(),
    audio: z.boolean(),
    model: modelRefSchema,
  })
  .partial()
  .strict();
export type ShotFields = z.infer<typeof shotFieldsSchema>;

export const editCommandSchema = z.discriminatedUnion('type', [
  // placing clips
  z.object({
    type: z.literal('insertClip'),
    ...seq,
    trackId: idSchema,
    frame: frameCount,
    clip: newClipSchema,
  }),
  z.object({
    type: z.literal('overwriteClip'),
    ...seq,
    trackId: idSchema,
    frame: frameCount,
    clip: newClipSchema,
  }),
  z.object({ type: z.literal('appendClip'), ...seq, trackId: idSchema, clip: newClipSchema }),
  // removing
  z.object({ type: z.literal('lift'), ...seq, itemId: idSchema }),
  z.object({ type: z.literal('rippleDelete'), ...seq, itemId: idSchema }),
  // moving and trimming
  z.object({
    type: z.literal('moveClip'),
    ...seq,
    itemId: idSchema,
    toTrackId: idSchema,
    toFrame: frameCount,
  }),
  z.object({
    type: z.literal('trim'),
    ...seq,
    itemId: idSchema,
    edge: z.enum(['start', 'end']),
    /** Positive moves the edge later in time. */
    deltaFrames: z.number().int(),
    ripple: z.boolean().default(false),
  }),
  z.object({ type: z.literal('roll'), ...seq, leftItemId: idSchema, deltaFrames: z.number().int() }),
  z.object({ type: z.literal('slip'), ...seq, itemId: idSchema, deltaFrames: z.number().int() }),
  z.object({
    type: z.literal('split'),
    ...seq,
    trackId: idSchema,
    frame: z.number().int().positive(),
    newItemId: idSchema.optional(),
  }),
  // transitions
  z.object({
    type: z.literal('addTransition'),
    ...seq,
    /** The clip left of the cut. */
    leftItemId: idSchema,
    kind: transitionKindSchema,
    durationFrames: z.number().int().positive(),
    id: idSchema.optional(),
  }),
  z.object({ type: z.literal('removeTransition'), ...seq, transitionId: idSchema }),
  z.object({
    type: z.literal('setTransition'),
    ...seq,
    transitionId: idSchema,
    kind: transitionKindSchema.optional(),
    durationFrames: z.number().int().positive().optional(),
  }),
  // clip properties
  z.object({
    type: z.literal('setClipProperties'),
    ...seq,
    itemId: idSchema,
    properties: clipPropertiesSchema,
  }),
  z.object({
    type: z.literal('setKeyframes'),
    ...seq,
    itemId: idSchema,
    parameter: z.enum(['volume', 'opacity']),
    keyframes: z.array(keyframeSchema),
  }),
  z.object({ type: z.literal('swapTake'), ...seq, itemId: idSchema, takeId: idSchema }),
  // tracks
  z.object({
    type: z.literal('setTrack'),
    ...seq,
    trackId: idSchema,
    changes: z
      .object({
        name: z.string(),
        muted: z.boolean(),
        solo: z.boolean(),
        locked: z.boolean(),
        heightPx: z.number().int().min(24).max(400),
      })
      .partial()
      .strict(),
  }),
  z.object({
    type: z.literal('addTrack'),
    ...seq,
    kind: z.enum(['video', 'audio']),
    name: z.string().optional(),
    role: z.enum(['picture', 'dialogue', 'music', 'effects']).optional(),
    id: idSchema.optional(),
  }),
  z.object({ type: z.literal('removeTrack'), ...seq, trackId: idSchema }),
  // markers and marks
  z.object({
    type: z.literal('addMarker'),
    ...seq,
    marker: markerSchema.partial({ id: true, durationFrames: true, name: true, color: true }),
  }),
  z.object({
    type: z.literal('updateMarker'),
    ...seq,
    markerId: idSchema,
    changes: markerSchema.omit({ id: true }).partial(),
  }),
  z.object({ type: z.literal('removeMarker'), ...seq, markerId: idSchema }),
  z.object({
    type: z.literal('setInOut'),
    ...seq,
    inFrame: frameCount.nullable(),
    outFrame: frameCount.nullable(),
  }),
  // shots and takes
  z.object({
    type: z.literal('createShot'),
    id: idSchema.optional(),
    fields: shotFieldsSchema.default({}),
    /** Position in the shot order; the end when left out. */
    index: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('updateShot'), shotId: idSchema, fields: shotFieldsSchema }),
  z.object({ type: z.literal('selectTake'), shotId: idSchema, takeId: idSchema.nullable() }),
  z.object({ type: z.literal('deleteShot'), shotId: idSchema }),
  z.object({ type: z.literal('moveShot'), shotId: idSchema, index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('renameProject'), name: z.string().trim().min(1).max(200) }),
  // assets, named references, project and sequence settings (refused with a message when out of range)
  z.object({
    type: z.literal('setAssetProperties'),
    assetId: idSchema,
    favourite: z.boolean().optional(),
    /** Replaces the tags; trimmed, empty ones dropped, duplicates kept once. */
    tags: z.array(z.string().max(64)).max(64).optional(),
    /** A bin folder name; null or blank puts the asset at the top level. */
    folder: z.string().max(200).nullable().optional(),
    name: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('createReference'),
    id: idSchema.optional(),
    name: z.string().max(120),
    assetId: idSchema,
  }),
  z.object({
    type: z.literal('renameReference'),
    referenceId: idSchema,
    name: z.string().max(120),
  }),
  z.object({ type: z.literal('deleteReference'), referenceId: idSchema }),
  z.object({
    type: z.literal('setProjectSettings'),
    /** Cents; null removes the budget. */
    budgetCents: z.number().nullable().optional(),
    defaultRate: z.object({ num: z.number().int(), den: z.number().int() }).optional(),
    defaultWidth: z.number().int().optional(),
    defaultHeight: z.number().int().optional(),
    defaultSampleRate: z.number().int().optional(),
  }),
  z.object({
    type: z.literal('setSequenceSettings'),
    ...seq,
    name: z.string().max(200).optional(),
    /** Music tracks ducked under dialogue tracks when exporting, by amountDb (negative). */
    ducking: z.object({ enabled: z.boolean(), amountDb: z.number() }).optional(),
  }),
]);

export type EditCommand = z.infer<typeof editCommandSchema>;
export type EditCommandInput = z.input<typeof editCommandSchema>;
export type EditCommandType = EditCommand['type'];
export type CommandOf<T extends EditCommandType> = Extract<EditCommand, { type: T }>;
