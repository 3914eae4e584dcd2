import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../common/contract';
import {
  invocationArgs,
  resolveConcatList,
  resolveInvocation,
  type PathResolver,
} from '../../../common/render/planToArgs';
import type { RenderPlan, RenderStep } from '../../../common/render/renderPlan';
import type { PidRegistry } from '../../ffmpeg/pidRegistry';
import { runFfmpeg } from '../../ffmpeg/runner';
import { mapWithLimit } from '../../../common/async/mapWithLimit';
import { mp4VideoHeaderHash } from './mp4SampleHeader';
import { probeOutputCounts } from './probeForRender';

export interface ExecuteOptions {
  ffmpegPath: string;
  ffprobePath: string;
  resolve: PathResolver;
  signal?: AbortSignal;
  /** Parallel ffmpeg runs within a phase (2 cores: 2). */
  concurrency?: number;
  onProgress?: (fraction: number, stage: string) => void;
  registry?: PidRegistry;
  log: string[];
}

/** Thrown when re-encoded and copied chunks do not have byte-identical SPS/PPS. */
export class HeaderMismatchError extends AppError {
  constructor(detail: string) {
    super(
      'RENDER_VERIFY_FAILED',
      'The re-encoded parts do not fit the copied ones (different video headers).',
      detail,
    );
  }
}

async function runStep(
  step: RenderStep,
  options: ExecuteOptions,
  report: (fraction: number) => void,
): Promise<void> {
  // Warnings and errors only: the banner-free stream listing of every chunk adds nothing to the log
  // and, over hundreds of chunks, grows the main process's memory with the length of the cut.
  const quiet = {
    ...step.invocation,
    globalOptions: ['-loglevel', 'warning', ...step.invocation.globalOptions],
  };
  const invocation = resolveInvocation(quiet, options.resolve);
  options.log.push(`$ ffmpeg ${invocationArgs(quiet, options.resolve).map(quoteForLog).join(' ')}`);
  const started = Date.now();
  const result = await runFfmpeg(invocation, {
    ffmpegPath: options.ffmpegPath,
    signal: options.signal,
    expectedDurationUs: step.expectedDurationUs,
    registry: options.registry,
    onProgress: (progress) => report(progress.fraction ?? 0),
  });
  report(1);
  options.log.push(`# ${step.id} (${step.label}) done in ${Date.now() - started} ms`);
  if (result.stderrTail) options.log.push(result.stderrTail);
}

function encodes(step: RenderStep): boolean {
  return step.invocation.outputs.some((output) => {
    const codec = output.options.indexOf('-c:v');
    return codec >= 0 && output.options[codec + 1] !== 'copy';
  });
}

function quoteForLog(arg: string): string {
  return /^[\w@/.,:=+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

/** Runs a plan: writes its lists, then each phase's steps (in parallel up to `concurrency`). */
export async function executePlan(plan: RenderPlan, options: ExecuteOptions): Promise<void> {
  for (const file of plan.files) {
    await writeFile(options.resolve(file.path), resolveConcatList(file.text, options.resolve));
  }
  const totalWeight = plan.steps.reduce((sum, step) => sum + Math.max(1, step.weightFrames), 0);
  const done = new Map<string, number>();
  const report = (step: RenderStep, fraction: number): void => {
    done.set(step.id, Math.max(0, Math.min(1, fraction)) * Math.max(1, step.weightFrames));
    let sum = 0;
    for (const value of done.values()) sum += value;
    options.onProgress?.(Math.min(1, sum / totalWeight), step.label);
  };
  const phases = [...new Set(plan.steps.map((step) => step.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    // Encodes first, stream copies after: the slow steps do not end up alone at the phase's end.
    const queue = plan.steps
      .filter((step) => step.phase === phase)
      .sort((a, b) => Number(encodes(b)) - Number(encodes(a)));
    const workers = Array.from(
      { length: Math.max(1, Math.min(options.concurrency ?? 2, queue.length)) },
      async () => {
        for (let step = queue.shift(); step; step = queue.shift()) {
          if (options.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
          const current = step;
          await runStep(current, options, (fraction) => report(current, fraction));
        }
      },
    );
    const results = await Promise.allSettled(workers);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    if (phase === 0 && plan.headerCheckPaths.length > 0) await checkHeaders(plan, options);
  }
}

/** The concat demuxer keeps the first file's avcC: every chunk must carry the same header bytes. */
async function checkHeaders(plan: RenderPlan, options: ExecuteOptions): Promise<void> {
  // Read from each chunk's moov (no process per chunk: an hour of cut has hundreds); ffprobe only
  // for a chunk that is not an MP4 with an H.264/HEVC track, a few at a time.
  const hashes = await mapWithLimit(plan.headerCheckPaths, 4, async (path) => {
    const file = options.resolve(path);
    const direct = await mp4VideoHeaderHash(file).catch(() => null);
    return (
      direct ?? (await probeOutputCounts(options.ffprobePath, file, options.signal, false)).videoHeaderHash
    );
  });
  const distinct = new Set(hashes);
  options.log.push(`# header hashes: ${[...distinct].join(', ')}`);
  if (distinct.size !== 1 || hashes[0] === null) {
    throw new HeaderMismatchError(
      plan.headerCheckPaths.map((path, index) => `${path}: ${hashes[index] ?? 'none'}`).join('\n'),
    );
  }
}
