import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError, type HostKind } from '../../../common/contract';
import type {
  RenderOutput,
  RenderPlanSummary,
  RenderPresetInfo,
  RenderRecord,
} from '../../../common/contract/channels/render';
import type { RenderRange } from '../../../common/render/compileSequence';
import { findPreset, renderPresets } from '../../../common/render/presets';
import { writeFileAtomic } from '../../fs/atomicWrite';
import type { PidRegistry } from '../../ffmpeg/pidRegistry';
import type { ProjectAccess } from '../project/projectAccess';
import { ensureEditReady, loadEditReady } from './editReady';
import { planRender, renderSequence, type RenderRequest } from './renderSequence';

/** Asks the host for a file to save to; null when the user cancelled. */
export type ChooseSaveFile = (options: {
  suggestedName: string;
  extension: string;
}) => Promise<string | null>;

export interface RenderServiceDeps {
  host: HostKind;
  dataDir: string;
  projects: ProjectAccess;
  ffmpegPath: () => Promise<string>;
  ffprobePath: () => Promise<string>;
  registry: PidRegistry;
  emitProgress: (payload: {
    jobId: string;
    fraction: number;
    etaSeconds: number | null;
    stage: string;
  }) => void;
  emitFinished: (payload: {
    jobId: string;
    ok: boolean;
    outputPath?: string;
    error?: { code: string; message: string };
  }) => void;
  chooseSaveFile?: ChooseSaveFile;
}

export interface PlanOptions {
  sequenceId: string;
  presetId: string;
  range?: RenderRange;
  smart: 'auto' | 'forceEncode';
  loudnessLufs: number | null;
}

const historyLimit = 50;
/** Videos longer than this get no automatic edit-ready copy (see autoEditReady). */
const autoEditReadySeconds = 300;

/** Export jobs: one at a time per core is enough on two cores; each can be cancelled. */
export class RenderService {
  private readonly jobs = new Map<string, AbortController>();
  /** The edit-ready jobs, chained: each starts when the one before has ended. */
  private editReadyQueue: Promise<void> = Promise.resolve();
  private readonly historyPath: string;

  constructor(private readonly deps: RenderServiceDeps) {
    this.historyPath = join(deps.dataDir, 'render-history.json');
  }

  presets(): RenderPresetInfo[] {
    return renderPresets.map((preset) => ({
      id: preset.id,
      label: preset.label,
      extension: preset.extension,
      hasVideo: preset.video !== null,
      hasAudio: preset.audio !== null,
      still: preset.still,
    }));
  }

  private async request(
    options: PlanOptions,
    outputPath: string,
    signal?: AbortSignal,
  ): Promise<RenderRequest> {
    const open = this.deps.projects.current();
    return {
      project: open.document,
      resolveAssetPath: (path) => open.resolvePath(path),
      cacheDir: join(open.folder, 'cache'),
      sequenceId: options.sequenceId,
      presetId: options.presetId,
      range: options.range ?? null,
      smart: options.smart,
      loudnessLufs: options.loudnessLufs,
      outputPath,
      ffmpegPath: await this.deps.ffmpegPath(),
      ffprobePath: await this.deps.ffprobePath(),
      signal,
      registry: this.deps.registry,
    };
  }

  async plan(options: PlanOptions): Promise<RenderPlanSummary> {
    const request = await this.request(options, join(this.deps.projects.current().folder, 'exports', 'plan'));
    const plan = await planRender(request);
    const withoutEditReady: string[] = [];
    for (const id of plan.assetIds) {
      const asset = request.project.assets[id];
      if (asset?.kind === 'video' && !(await loadEditReady(request.cacheDir, asset)))
        withoutEditReady.push(id);
    }
    return {
      mode: plan.mode,
      output: plan.output,
      segments: plan.segments,
      stepCount: plan.steps.length,
      assetsWithoutEditReady: withoutEditReady,
    };
  }

  /** The output path the host allows for this request (never a renderer-supplied path). */
  async resolveOutput(output: RenderOutput, presetId: string, callerHost: HostKind): Promise<string> {
    const preset = findPreset(presetId);
    if (!preset) throw new AppError('BAD_REQUEST', `There is no export preset "${presetId}".`);
    const withExtension = (path: string): string =>
      extname(path).toLowerCase() === `.${preset.extension}` ? path : `${path}.${preset.extension}`;
    if (output.kind === 'path') {
      if (callerHost !== 'cli' || this.deps.host !== 'cli')
        throw new AppError('FORBIDDEN', 'Only the command line may name an output path.');
      return withExtension(output.path);
    }
    const open = this.deps.projects.current();
    if (output.kind === 'exports') return withExtension(join(open.folder, 'exports', output.fileName));
    if (!this.deps.chooseSaveFile)
      throw new AppError(
        'NOT_AVAILABLE_IN_HOST',
        "This host has no save dialog: export into the project's exports folder.",
      );
    const chosen = await this.deps.chooseSaveFile({
      suggestedName: output.suggestedName ?? `${open.document.name}.${preset.extension}`,
      extension: preset.extension,
    });
    if (!chosen) throw new AppError('CANCELLED', 'No file was chosen.');
    return withExtension(chosen);
  }

  async start(
    options: PlanOptions & { output: RenderOutput },
    callerHost: HostKind,
  ): Promise<{ jobId: string; outputPath: string }> {
    const outputPath = await this.resolveOutput(options.output, options.presetId, callerHost);
    const jobId = `render_${randomBytes(6).toString('hex')}`;
    const controller = new AbortController();
    const request = await this.request(options, outputPath, controller.signal);
    this.jobs.set(jobId, controller);
    const startedAt = new Date();
    const started = Date.now();
    request.onProgress = (fraction, stage) => {
      const elapsed = (Date.now() - started) / 1000;
      const etaSeconds = fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : null;
      this.deps.emitProgress({ jobId, fraction, etaSeconds, stage });
    };
    void renderSequence(request)
      .then(async (outcome) => {
        await this.record({
          jobId,
          sequenceId: options.sequenceId,
          presetId: options.presetId,
          outputPath,
          planPath: outcome.planPath,
          logPath: outcome.logPath,
          shotsPath: outcome.shotsPath,
          mode: outcome.plan.mode,
          ok: true,
          error: null,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          seconds: (Date.now() - started) / 1000,
        });
        this.deps.emitFinished({ jobId, ok: true, outputPath });
      })
      .catch(async (error: unknown) => {
        const shape =
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL', message: String(error) };
        await this.record({
          jobId,
          sequenceId: options.sequenceId,
          presetId: options.presetId,
          outputPath,
          planPath: null,
          logPath: null,
          shotsPath: null,
          mode: null,
          ok: false,
          error: shape,
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          seconds: (Date.now() - started) / 1000,
        }).catch(() => undefined);
        this.deps.emitFinished({ jobId, ok: false, error: shape });
      })
      .finally(() => this.jobs.delete(jobId));
    return { jobId, outputPath };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const controller = this.jobs.get(jobId);
    if (!controller) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  }

  /**
   * The automatic edit-ready copies for videos just imported or received: clips up to five minutes
   * (takes and shots; a long recording is one encode as long as itself, made when asked for in the
   * export dialog instead). Null when there is nothing to do.
   */
  async autoEditReady(assetIds: string[]): Promise<{ jobId: string } | null> {
    const assets = this.deps.projects.current().document.assets;
    const short = assetIds.filter((id) => {
      const video = assets[id]?.media.video;
      return (
        video !== null &&
        video !== undefined &&
        video.frameCount * video.rate.den <= autoEditReadySeconds * video.rate.num
      );
    });
    return short.length > 0 ? this.makeEditReady(short) : null;
  }

  /**
   * Edit-ready copies in the background: one job per request, jobs one after another (a copy is an
   * x264 encode; two cores are shared with the editor), cancellable by job id. Video assets that
   * already have a copy are skipped; a file that fails does not stop the others, and the job then
   * ends with an error naming it.
   */
  async makeEditReady(assetIds?: string[]): Promise<{ jobId: string }> {
    const open = this.deps.projects.current();
    const cacheDir = join(open.folder, 'cache');
    const ids = assetIds ?? Object.keys(open.document.assets);
    const assets = ids.flatMap((id) => {
      const asset = open.document.assets[id];
      return asset?.kind === 'video' && asset.media.video ? [asset] : [];
    });
    const jobId = `editready_${randomBytes(6).toString('hex')}`;
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    // Chained at once (no await before it), so jobs run in the order they were asked for.
    const work = async (): Promise<void> => {
      const [ffmpegPath, ffprobePath] = [await this.deps.ffmpegPath(), await this.deps.ffprobePath()];
      const failed: string[] = [];
      for (const [index, asset] of assets.entries()) {
        controller.signal.throwIfAborted();
        if (await loadEditReady(cacheDir, asset)) continue;
        const stage = `Edit-ready copy of ${asset.name} (${index + 1} of ${assets.length})`;
        this.deps.emitProgress({ jobId, fraction: index / assets.length, etaSeconds: null, stage });
        try {
          await ensureEditReady(asset, open.resolvePath(asset.path), cacheDir, {
            ffmpegPath,
            ffprobePath,
            signal: controller.signal,
            registry: this.deps.registry,
            onProgress: (progress) =>
              this.deps.emitProgress({
                jobId,
                fraction: (index + (progress.fraction ?? 0)) / assets.length,
                etaSeconds: null,
                stage,
              }),
          });
        } catch (error) {
          if (controller.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
          failed.push(`${asset.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failed.length > 0)
        throw new AppError(
          'FFMPEG_FAILED',
          `${failed.length} of ${assets.length} edit-ready copies could not be made (the export encodes those shots instead). ${failed.join('; ')}`,
        );
    };
    const run = this.editReadyQueue
      .then(work)
      .then(() => this.deps.emitFinished({ jobId, ok: true }))
      .catch((error: unknown) => {
        const shape =
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : controller.signal.aborted
              ? { code: 'CANCELLED', message: 'Cancelled.' }
              : { code: 'INTERNAL', message: String(error) };
        this.deps.emitFinished({ jobId, ok: false, error: shape });
      })
      .finally(() => this.jobs.delete(jobId));
    this.editReadyQueue = run;
    return { jobId };
  }

  async list(): Promise<RenderRecord[]> {
    try {
      return JSON.parse(await readFile(this.historyPath, 'utf8')) as RenderRecord[];
    } catch {
      return [];
    }
  }

  private async record(entry: RenderRecord): Promise<void> {
    const history = [entry, ...(await this.list())].slice(0, historyLimit);
    await mkdir(this.deps.dataDir, { recursive: true });
    await writeFileAtomic(this.historyPath, JSON.stringify(history, null, 2));
  }

  /** Cancels every running job (core shutdown) and waits for the edit-ready jobs to clean up. */
  async dispose(): Promise<void> {
    for (const controller of this.jobs.values()) controller.abort();
    await this.editReadyQueue;
  }
}
