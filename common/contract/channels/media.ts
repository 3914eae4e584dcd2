import { z } from 'zod';
import type { Asset } from '../../model/schema/asset';
import { idSchema } from '../../model/schema/primitives';
import type { AppErrorShape } from '../appError';
import { channel } from '../define';

/** A plain file name (no folders), as listed by the core itself. */
const plainFileName = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (name) => !/[/\\]/.test(name) && !name.includes(String.fromCharCode(0)) && name !== '.' && name !== '..',
    {
      message: 'a file name without / or \\',
    },
  );

/**
 * Which files to import. The renderer never names a path: in the desktop app it asks the host's
 * open dialog; in the browser it uploads files first (POST /upload, answered with upload ids) or
 * picks names the core listed from the import folder (media:importFolder). Only the CLI host may
 * pass paths (`kind: 'paths'`); other hosts get FORBIDDEN.
 */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }).strict(),
  z
    .object({
      kind: z.literal('uploads'),
      uploadIds: z
        .array(z.string().regex(/^up_[0-9a-f]{32}$/))
        .min(1)
        .max(500),
    })
    .strict(),
  z.object({ kind: z.literal('importFolder'), names: z.array(plainFileName).min(1).max(500) }).strict(),
  /** The host's folder dialog: every media file in the chosen folder and its subfolders. */
  z.object({ kind: z.literal('folderDialog') }).strict(),
  z
    .object({ kind: z.literal('paths'), paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) })
    .strict(),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export interface ImportedFile {
  /** The file's name as the user knows it. */
  name: string;
  assetId: string;
  /** True when a file with the same content was already in the project (no new asset). */
  duplicate: boolean;
}

export interface ImportFailure {
  name: string;
  error: AppErrorShape;
}

export interface ImportResult {
  importId: string;
  imported: ImportedFile[];
  failed: ImportFailure[];
  /** The new assets, as added to the document. */
  assets: Asset[];
}

/** `media:importProgressed`: one event per file finished (and one when the import starts). */
export interface ImportProgress {
  importId: string;
  done: number;
  total: number;
  /** The file just finished, null for the starting event. */
  name: string | null;
  outcome: 'imported' | 'duplicate' | 'failed' | null;
}

/** A picture the core made for an asset, served at `${host.mediaUrl(assetId)}/${variant}`. */
export interface MediaImage {
  assetId: string;
  variant: string;
  width: number;
  height: number;
}

export interface Filmstrip extends MediaImage {
  /** Frames in the sprite, left to right, each `frameWidth` wide. */
  frames: number;
  frameWidth: number;
  /** The source frame index each sprite cell shows. */
  sourceFrames: number[];
}

/** Waveform peaks in the form wavesurfer.js 8 takes: `peaks` (one channel) and `duration`. */
export interface Peaks {
  assetId: string;
  /** One channel (mono mix) of interleaved min, max pairs in -1..1: [min0, max0, min1, max1, …]. */
  peaks: number[][];
  /** Seconds (for wavesurfer only; the model keeps samples). */
  duration: number;
  bucketsPerSecond: number;
  /** Samples of the source per bucket, at the source's sample rate. */
  sourceSamplesPerBucket: number;
}

export interface ImportFolderListing {
  /** Where to put files to import them from the browser host without uploading. */
  folder: string;
  files: Array<{ name: string; sizeBytes: number }>;
}

const assetRequest = z.object({ assetId: idSchema }).strict();

export const mediaChannels = {
  /** Imports files (see importSourceSchema); one failure does not stop the others. */
  'media:import': channel(
    z
      .object({
        source: importSourceSchema,
        /** Copy into the project's media/ or link where the file lies (uploads are always copied). */
        storage: z.enum(['copy', 'link']).default('link'),
      })
      .strict(),
  ).returns<ImportResult>(),
  /** The files waiting in the import folder (browser host imports without upload). */
  'media:importFolder': channel(z.object({}).strict()).returns<ImportFolderListing>(),
  /** A poster image from the first keyframe (videos) or the image itself scaled down. */
  'media:thumbnail': channel(assetRequest).returns<MediaImage>(),
  /** N frames across the clip in one sprite image, made in one decode pass. */
  'media:filmstrip': channel(
    z
      .object({
        assetId: idSchema,
        frames: z.number().int().min(1).max(60).default(10),
        frameHeight: z.number().int().min(16).max(360).default(54),
      })
      .strict(),
  ).returns<Filmstrip>(),
  /** Waveform peaks; the nearest cached resolution at or above the request is answered. */
  'media:peaks': channel(
    z
      .object({
        assetId: idSchema,
        bucketsPerSecond: z.number().positive().max(1000).optional(),
        /** Alternative to bucketsPerSecond, in samples at the source's sample rate. */
        samplesPerPixel: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
  ).returns<Peaks>(),
  /** The exact frame of a video as a new PNG image asset (origin frameGrab). */
  'media:grabFrame': channel(
    z
      .object({
        assetId: idSchema,
        frame: z.union([z.number().int().nonnegative(), z.literal('first'), z.literal('last')]),
      })
      .strict(),
  ).returns<Asset>(),
};
