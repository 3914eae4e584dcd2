import { z } from 'zod';
import { frameCount, idSchema, isoDate, rateSchema, rationalSchema } from './primitives';

/** What ffprobe told us about a file, as the model needs it. Times are exact, never float seconds. */
export const videoFactsSchema = z.object({
  codec: z.string(),
  profile: z.string().nullable(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sampleAspect: rationalSchema,
  pixelFormat: z.string().nullable(),
  bitDepth: z.number().int().positive().nullable(),
  /** Exact frame rate (r_frame_rate / avg_frame_rate when constant). */
  rate: rateSchema,
  variableFrameRate: z.boolean(),
  /** Display rotation in degrees clockwise from the stream side data. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** Frames in the stream at `rate`. */
  frameCount: frameCount,
  timeBase: rationalSchema,
  /** avcC / hvcC extradata hash, for deciding whether stream copy may join files. */
  extradataHash: z.string().nullable(),
});

export const audioFactsSchema = z.object({
  codec: z.string(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  channelLayout: z.string().nullable(),
  /** Samples per channel at `sampleRate`. */
  sampleCount: frameCount,
});

export const mediaFactsSchema = z.object({
  container: z.string(),
  /** Duration of the file in seconds as an exact rational (from the container). */
  duration: rationalSchema,
  sizeBytes: z.number().int().nonnegative(),
  video: videoFactsSchema.nullable(),
  audio: audioFactsSchema.nullable(),
  audioStreamCount: z.number().int().nonnegative(),
});

export const assetOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('imported'), importedAt: isoDate, originalPath: z.string() }),
  z.object({ kind: z.literal('generated'), shotId: idSchema, takeId: idSchema }),
  z.object({
    kind: z.literal('frameGrab'),
    sourceAssetId: idSchema,
    /** Frame index in the source asset's own frames. */
    frame: frameCount,
  }),
  z.object({ kind: z.literal('derived'), sourceAssetId: idSchema, purpose: z.string() }),
]);

export const assetSchema = z.object({
  id: idSchema,
  kind: z.enum(['video', 'image', 'audio']),
  name: z.string(),
  /** Relative to the project folder when inside it (always with '/'), otherwise absolute. */
  path: z.string().min(1),
  /** Copied into media/ or linked where it lies. */
  storage: z.enum(['copied', 'linked']),
  /** sha256 of the file's content, hex; identifies the asset and keys caches. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  media: mediaFactsSchema,
  origin: assetOriginSchema,
  tags: z.array(z.string()).default([]),
  favourite: z.boolean().default(false),
  folder: z.string().nullable().default(null),
});

export type VideoFacts = z.infer<typeof videoFactsSchema>;
export type AudioFacts = z.infer<typeof audioFactsSchema>;
export type MediaFacts = z.infer<typeof mediaFactsSchema>;
export type AssetOrigin = z.infer<typeof assetOriginSchema>;
export type Asset = z.infer<typeof assetSchema>;
export type AssetKind = Asset['kind'];
