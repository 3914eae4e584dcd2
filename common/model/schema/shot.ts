import { z } from 'zod';
import { idSchema, isoDate, usdCents } from './primitives';

/** Which model a shot is meant for; the catalog (common/catalog) describes what each can do. */
export const modelRefSchema = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
});

/** Generation modes, the catalog's vocabulary. */
export const generationModeSchema = z.enum([
  'textToVideo',
  'imageToVideo',
  'firstLastFrame',
  'middleKeyframe',
  'referenceImages',
  'videoToVideo',
  'extend',
  'remix',
]);

/** A named reference image (a character, a prop, a place) reused across shots. */
export const namedReferenceSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  assetId: idSchema,
});

/**
 * A provider-portable recipe. Keyframes and references are asset ids, so a boundary still shared by
 * shot N's last keyframe and shot N+1's first is one asset referenced twice ("continue from the last
 * frame" is by reference, not by copy).
 */
export const shotSchema = z.object({
  id: idSchema,
  name: z.string(),
  prompt: z.string(),
  negativePrompt: z.string().default(''),
  /** A camera-direction preset id (static, dollyIn, dollyOut, panLeft, …) or free text. */
  cameraDirection: z.string().default('static'),
  keyframes: z.object({
    first: idSchema.nullable(),
    middle: idSchema.nullable(),
    last: idSchema.nullable(),
  }),
  /** Ids of named references (project.references). */
  referenceIds: z.array(idSchema).default([]),
  /** For video→video, extend and remix: the source clip. */
  sourceVideoAssetId: idSchema.nullable().default(null),
  /** Requested length in whole seconds, as providers take it. */
  durationSeconds: z.number().int().positive().max(60),
  /** Aspect ratio like "16:9", "9:16", "1:1". */
  ratio: z.string().regex(/^\d+:\d+$/),
  seed: z.number().int().nonnegative().nullable().default(null),
  audio: z.boolean().default(false),
  model: modelRefSchema,
  takeIds: z.array(idSchema).default([]),
  selectedTakeId: idSchema.nullable().default(null),
  promptHistory: z.array(z.string()).default([]),
});

export const takeStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'uncertain',
]);

/** One generation of a shot, with its full provenance. */
export const takeSchema = z.object({
  id: idSchema,
  shotId: idSchema,
  provider: z.string(),
  model: z.string(),
  mode: generationModeSchema,
  status: takeStatusSchema,
  jobId: z.string().nullable(),
  /** The provider's own task / operation / prediction id. */
  taskId: z.string().nullable(),
  /** The shot's recipe as it was sent (prompt, keyframes, seed, …), for diffs and regeneration. */
  recipe: z.object({
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
    durationSeconds: z.number().int().positive(),
    ratio: z.string(),
    seed: z.number().int().nonnegative().nullable(),
    audio: z.boolean(),
  }),
  estimatedCostCents: usdCents.nullable(),
  actualCostCents: usdCents.nullable(),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
  outputAssetId: idSchema.nullable(),
  /** The exact last frame as a PNG asset, made when the take arrives. */
  lastFrameAssetId: idSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string(), detail: z.string().optional() }).nullable(),
});

export type ModelRef = z.infer<typeof modelRefSchema>;
export type GenerationMode = z.infer<typeof generationModeSchema>;
export type NamedReference = z.infer<typeof namedReferenceSchema>;
export type Shot = z.infer<typeof shotSchema>;
export type TakeStatus = z.infer<typeof takeStatusSchema>;
export type Take = z.infer<typeof takeSchema>;
export type TakeRecipe = Take['recipe'];
