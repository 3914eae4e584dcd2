import { z } from 'zod';
import type { OutputSpec, SegmentDecision } from '../../render/renderPlan';
import { channel } from '../define';

/** Characters an export file name may not hold: folder separators, reserved ones, control characters. */
const isRefused = (character: string): boolean =>
  /[/\\:*?"<>|]/.test(character) || character.charCodeAt(0) < 32;

/** A file name inside the project's exports/ folder: no folders, no reserved characters. */
export const exportFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(160)
  .refine((name) => ![...name].some(isRefused) && !name.startsWith('.'), {
    message: 'a file name without / \\ : * ? " < > | that does not start with a dot',
  });

/** A name the schema above accepts: refused characters become '-', leading dots go ("Export" if empty). */
export function toExportFileName(name: string): string {
  const cleaned = [...name]
    .map((character) => (isRefused(character) ? '-' : character))
    .join('')
    .slice(0, 160)
    .replace(/^[\s.]+/, '')
    .trim();
  return cleaned || 'Export';
}

/**
 * Where the export goes. The renderer never names a path: it asks the host for a save dialog, or
 * names a file inside the project's exports/ folder. Only the CLI host may pass a path.
 */
export const renderOutputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog'), suggestedName: exportFileNameSchema.optional() }).strict(),
  z.object({ kind: z.literal('exports'), fileName: exportFileNameSchema }).strict(),
  z.object({ kind: z.literal('path'), path: z.string().min(1) }).strict(),
]);
export type RenderOutput = z.infer<typeof renderOutputSchema>;

export const renderRangeSchema = z
  .object({ startFrame: z.number().int().nonnegative(), endFrame: z.number().int().positive() })
  .strict()
  .refine((range) => range.endFrame > range.startFrame, { message: 'endFrame must be after startFrame' });

const planRequest = {
  sequenceId: z.string().min(1).max(64),
  presetId: z.string().min(1).max(64),
  range: renderRangeSchema.optional(),
  /** auto: stream-copy what matches; forceEncode: re-encode everything. */
  smart: z.enum(['auto', 'forceEncode']).default('auto'),
  /** Integrated loudness target in LUFS (-14 web, -23 broadcast); null leaves levels alone. */
  loudnessLufs: z.number().min(-40).max(-5).nullable().default(null),
};

export interface RenderPresetInfo {
  id: string;
  label: string;
  extension: string;
  hasVideo: boolean;
  hasAudio: boolean;
  still: boolean;
}

/** What the export dialog shows before a render: the path each segment takes, and why. */
export interface RenderPlanSummary {
  mode: 'concatCopy' | 'chunked' | 'audioOnly' | 'still';
  output: OutputSpec;
  segments: SegmentDecision[];
  stepCount: number;
  /** Video assets without an edit-ready copy (making one lets more of the cut be copied). */
  assetsWithoutEditReady: string[];
}

export interface RenderRecord {
  jobId: string;
  sequenceId: string;
  presetId: string;
  outputPath: string;
  planPath: string | null;
  logPath: string | null;
  shotsPath: string | null;
  mode: RenderPlanSummary['mode'] | null;
  ok: boolean;
  error: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string;
  seconds: number;
}

export const renderChannels = {
  'render:presets': channel(z.object({}).strict()).returns<RenderPresetInfo[]>(),
  'render:plan': channel(z.object(planRequest).strict()).returns<RenderPlanSummary>(),
  /** Starts an export job; progress arrives as render:progressed, the end as render:finished. */
  'render:start': channel(z.object({ ...planRequest, output: renderOutputSchema }).strict()).returns<{
    jobId: string;
    outputPath: string;
  }>(),
  'render:cancel': channel(z.object({ jobId: z.string().min(1).max(64) }).strict()).returns<{
    cancelled: boolean;
  }>(),
  /** The last exports, newest first, with their plan and log files. */
  'render:list': channel(z.object({}).strict()).returns<RenderRecord[]>(),
  /** Makes edit-ready copies (short closed GOP) of the given video assets, or of every one in the project. */
  'render:makeEditReady': channel(
    z.object({ assetIds: z.array(z.string().min(1).max(64)).max(10_000).optional() }).strict(),
  ).returns<{ jobId: string }>(),
};
