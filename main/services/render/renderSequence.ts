import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../../common/contract';
import type { Asset, Project } from '../../../common/model';
import {
  compileSequence,
  type CompileOptions,
  type RenderRange,
} from '../../../common/render/compileSequence';
import { findPreset } from '../../../common/render/presets';
import type { RenderPlan } from '../../../common/render/renderPlan';
import type { EditReadyFacts } from '../../../common/render/smartChoice';
import { probeMedia } from '../../ffmpeg/ffprobe';
import type { PidRegistry } from '../../ffmpeg/pidRegistry';
import { ProbeCache } from '../media/probeCache';
import { loadEditReady, editReadyPaths } from './editReady';
import { executePlan, HeaderMismatchError } from './executePlan';
import { verifyOutput, type Verification } from './verifyOutput';

export interface RenderRequest {
  project: Project;
  /** Absolute path of a stored asset path (ProjectAccess.resolvePath). */
  resolveAssetPath: (storedPath: string) => string;
  /** The project's cache/ folder (edit-ready copies). */
  cacheDir: string;
  sequenceId: string;
  presetId: string;
  range?: RenderRange | null;
  smart?: 'auto' | 'forceEncode';
  loudnessLufs?: number | null;
  /** Final output path (host-chosen). */
  outputPath: string;
  ffmpegPath: string;
  ffprobePath: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
  registry?: PidRegistry;
  concurrency?: number;
}

export interface RenderOutcome {
  outputPath: string;
  planPath: string;
  logPath: string;
  shotsPath: string;
  plan: RenderPlan;
  verification: Verification;
  timings: { prepareMs: number; renderMs: number; verifyMs: number; totalMs: number };
}

/** The media pipeline's probe caches (cache/probe/ of each project), shared with imports. */
const probeCaches = new Map<string, ProbeCache>();

/**
 * Keyframe lists from the probe the import already made (cached by path, size and mtime in the
 * project's cache/probe/), so planning an export costs no probe for imported media.
 */
async function keyframesFor(
  asset: Asset,
  path: string,
  cacheDir: string,
  ffprobePath: string,
  signal?: AbortSignal,
): Promise<number[] | null> {
  if (asset.kind !== 'video' || !asset.media.video) return null;
  const folder = join(cacheDir, 'probe');
  const cache = probeCaches.get(folder) ?? new ProbeCache(() => folder);
  probeCaches.set(folder, cache);
  const probed = await cache.get(path, () =>
    probeMedia(path, { ffprobePath, ...(signal ? { signal } : {}) }),
  );
  return probed.keyframes?.frames ?? null;
}

/** Everything the compiler needs from disk, as data: keyframe lists and edit-ready copies. */
async function gatherMediaFacts(
  request: RenderRequest,
): Promise<Required<Pick<CompileOptions, 'keyframes' | 'editReady'>>> {
  const sequence = request.project.sequences[request.sequenceId];
  const ids = new Set<string>();
  for (const track of [...(sequence?.videoTracks ?? []), ...(sequence?.audioTracks ?? [])]) {
    for (const item of track.items) if (item.type === 'clip') ids.add(item.assetId);
  }
  const keyframes: Record<string, number[]> = {};
  const editReady: Record<string, EditReadyFacts> = {};
  await Promise.all(
    [...ids].sort().map(async (id) => {
      const asset = request.project.assets[id];
      if (!asset) return;
      const path = request.resolveAssetPath(asset.path);
      if (!(await stat(path).catch(() => null)))
        throw new AppError('MEDIA_MISSING', `The media of "${asset.name}" is missing: ${path}`);
      const ready = await loadEditReady(request.cacheDir, asset);
      if (ready) editReady[id] = ready;
      else if (request.smart !== 'forceEncode') {
        const list = await keyframesFor(asset, path, request.cacheDir, request.ffprobePath, request.signal);
        if (list) keyframes[id] = list;
      }
    }),
  );
  return { keyframes, editReady };
}

export function compileOrThrow(
  request: RenderRequest,
  facts: CompileOptions,
  smart: 'auto' | 'forceEncode',
): RenderPlan {
  const preset = findPreset(request.presetId);
  if (!preset) throw new AppError('BAD_REQUEST', `There is no export preset "${request.presetId}".`);
  const result = compileSequence(request.project, request.sequenceId, preset, request.range ?? null, {
    ...facts,
    smart,
    loudnessLufs: request.loudnessLufs ?? null,
  });
  if (!result.ok) {
    throw new AppError(
      'RENDER_INVALID',
      `The sequence cannot be exported: ${result.issues.map((issue) => issue.message).join(' ')}`,
      JSON.stringify(result.issues),
    );
  }
  return result.plan;
}

/** Plans only (the export dialog's per-segment choice). */
export async function planRender(request: RenderRequest): Promise<RenderPlan> {
  return compileOrThrow(request, await gatherMediaFacts(request), request.smart ?? 'auto');
}

/**
 * Renders a sequence to a file: compile, run the steps into a work folder and a temporary output
 * beside the destination, verify the counts, then rename into place and save the plan, the log and
 * the shot list beside it. On failure or cancel nothing is left behind.
 */
export async function renderSequence(request: RenderRequest): Promise<RenderOutcome> {
  const started = Date.now();
  const facts = await gatherMediaFacts(request);
  let plan = compileOrThrow(request, facts, request.smart ?? 'auto');
  const prepareMs = Date.now() - started;
  const outputDir = dirname(request.outputPath);
  await mkdir(outputDir, { recursive: true });
  const token = randomBytes(4).toString('hex');
  const extension = extname(request.outputPath) || `.${plan.output.extension}`;
  const stem = basename(request.outputPath, extension);
  const workDir = join(outputDir, `.${stem}.render-${token}`);
  const tempOutput = join(outputDir, `.${stem}.partial-${token}.${plan.output.extension}`);
  const log: string[] = [
    `# Shotloom export ${new Date().toISOString()}`,
    `# preset ${plan.presetId}, mode ${plan.mode}`,
  ];
  const resolve = (path: string): string => {
    if (path === '@output') return tempOutput;
    if (path.startsWith('@work/')) return join(workDir, path.slice(6));
    const [kind, id] = path.split('/');
    const asset = id ? request.project.assets[id] : undefined;
    if (!asset) return path;
    if (kind === '@editReady') return editReadyPaths(request.cacheDir, asset.contentHash).media;
    return request.resolveAssetPath(asset.path);
  };
  const cleanUp = async (): Promise<void> => {
    await rm(workDir, { recursive: true, force: true });
    await rm(tempOutput, { force: true });
  };
  try {
    const renderStarted = Date.now();
    const run = async (current: RenderPlan): Promise<void> => {
      await rm(workDir, { recursive: true, force: true });
      await mkdir(workDir, { recursive: true });
      await executePlan(current, {
        ffmpegPath: request.ffmpegPath,
        ffprobePath: request.ffprobePath,
        resolve,
        signal: request.signal,
        concurrency: request.concurrency ?? 2,
        onProgress: (fraction, stage) => request.onProgress?.(fraction * 0.97, stage),
        registry: request.registry,
        log,
      });
    };
    try {
      await run(plan);
    } catch (error) {
      if (!(error instanceof HeaderMismatchError)) throw error;
      log.push(`# ${error.message} Falling back to a full re-encode.`, error.detail ?? '');
      plan = compileOrThrow(request, facts, 'forceEncode');
      await run(plan);
    }
    const renderMs = Date.now() - renderStarted;
    request.onProgress?.(0.98, 'Verifying');
    const verifyStarted = Date.now();
    const verification = await verifyOutput(plan, tempOutput, request.ffprobePath, request.signal);
    log.push(`# verification: ${JSON.stringify(verification)}`);
    if (!verification.ok) {
      throw new AppError(
        'RENDER_VERIFY_FAILED',
        `The export did not come out as planned: ${verification.problems.join('; ')}`,
        log.slice(-20).join('\n'),
      );
    }
    const verifyMs = Date.now() - verifyStarted;
    await rename(tempOutput, request.outputPath);
    const base = join(outputDir, stem);
    const planPath = `${base}.plan.json`;
    const logPath = `${base}.log`;
    const shotsPath = `${base}.shots.json`;
    await writeFile(planPath, JSON.stringify(plan, null, 2));
    await writeFile(logPath, `${log.join('\n')}\n`);
    await writeFile(
      shotsPath,
      JSON.stringify(
        {
          output: basename(request.outputPath),
          containsAiGeneratedContent: plan.provenance.some((shot) => shot.takeId !== null),
          shots: plan.provenance,
        },
        null,
        2,
      ),
    );
    await rm(workDir, { recursive: true, force: true });
    request.onProgress?.(1, 'Done');
    return {
      outputPath: request.outputPath,
      planPath,
      logPath,
      shotsPath,
      plan,
      verification,
      timings: { prepareMs, renderMs, verifyMs, totalMs: Date.now() - started },
    };
  } catch (error) {
    await cleanUp();
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC')
      throw new AppError(
        'DISK_FULL',
        'The disk is full: free some space and try again. Nothing was written.',
        String(error),
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError(
        'PERMISSION_DENIED',
        'Shotloom may not write there: choose another folder.',
        String(error),
      );
    throw error;
  }
}
