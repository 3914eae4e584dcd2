import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import { ratioToSize } from '../../../common/catalog';
import { runFfmpeg } from '../../ffmpeg/runner';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import type {
  AdapterContext,
  CostEstimate,
  CreateResult,
  DownloadResult,
  GenerationOutput,
  GenerationRequest,
  KeyTestResult,
  PollResult,
  ProviderAdapter,
} from '../types';
import { planAnimatic } from './animaticPlan';
import { findFont, wrapText } from './titleCard';

interface RenderState {
  progress: number;
  done: boolean;
  error: AppError | null;
  outputPath: string;
}

export interface AnimaticOptions {
  /** Short side of the output in pixels (720 → 1280x720 for 16:9). Tests use 180. */
  shortSide?: number;
  /** Font candidates for the title card (tests pass [] to check the fallback). */
  fontCandidates?: readonly string[];
}

function hasDrawtext(ffmpegPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(ffmpegPath, ['-hide_banner', '-filters'], { timeout: 10_000 }, (error, stdout) =>
      resolve(!error && /\bdrawtext\b/.test(stdout)),
    );
  });
}

/**
 * The built-in, offline, free provider: renders a previz clip with FFmpeg from the shot alone.
 * "create" starts a local render and "poll" reports its progress, so Animatic jobs go through the
 * same engine, journal and take registration as remote ones. The request is kept beside the render
 * so a render lost to a restart is simply made again (it costs nothing).
 */
export class AnimaticAdapter implements ProviderAdapter {
  readonly id = 'animatic' as const;
  readonly requiresKey = false;
  readonly defaultConcurrency = 1;
  readonly pollIntervalMs = 200;
  private readonly renders = new Map<string, RenderState>();
  private drawtext: Promise<boolean> | null = null;

  constructor(private readonly options: AnimaticOptions = {}) {}

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    const taskId = `animatic_${context.jobId}`;
    await mkdir(context.workDir, { recursive: true });
    await writeFile(this.requestFile(taskId, context), JSON.stringify(request));
    this.start(taskId, request, context);
    return { taskId, estimatedCostCents: 0 };
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const state = this.renders.get(taskId);
    const outputPath = this.outputFile(taskId, context);
    if (!state) {
      if (await exists(outputPath)) return succeeded(outputPath);
      // Lost to a restart: render again from the saved request.
      const saved = await readFile(this.requestFile(taskId, context), 'utf8').catch(() => null);
      if (saved === null) {
        return {
          status: 'failed',
          failure: {
            code: 'PROVIDER_FAILED',
            message: 'The animatic render was lost; generate the shot again.',
            moderation: false,
            retryable: true,
          },
        };
      }
      this.start(taskId, JSON.parse(saved) as GenerationRequest, context);
      return { status: 'running', progress: 0 };
    }
    if (state.error) {
      this.renders.delete(taskId);
      return {
        status: 'failed',
        failure: {
          code: state.error.code === 'CANCELLED' ? 'CANCELLED' : 'PROVIDER_FAILED',
          message: `The animatic render failed: ${state.error.message}`,
          ...(state.error.detail ? { detail: state.error.detail } : {}),
          moderation: false,
          retryable: true,
        },
      };
    }
    if (state.done) return succeeded(state.outputPath);
    return { status: 'running', progress: state.progress };
  }

  async cancel(taskId: string): Promise<void> {
    const state = this.renders.get(taskId) as (RenderState & { abort?: AbortController }) | undefined;
    state?.abort?.abort();
  }

  async download(
    output: GenerationOutput,
    destinationFile: string,
    _context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'localPath') {
      throw new AppError('INTERNAL', 'The animatic provider only makes local files.');
    }
    await copyFile(output.path, destinationFile);
    return { bytes: (await stat(destinationFile)).size, contentType: 'video/mp4' };
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    await context.binaries.ffmpegPath();
    return { ok: true, detail: 'The animatic needs no key; FFmpeg is available.' };
  }

  private requestFile(taskId: string, context: AdapterContext): string {
    return join(context.workDir, `${taskId}.request.json`);
  }

  private outputFile(taskId: string, context: AdapterContext): string {
    return join(context.workDir, `${taskId}.mp4`);
  }

  private start(taskId: string, request: GenerationRequest, context: AdapterContext): void {
    const abort = new AbortController();
    const state: RenderState & { abort: AbortController } = {
      progress: 0,
      done: false,
      error: null,
      outputPath: this.outputFile(taskId, context),
      abort,
    };
    this.renders.set(taskId, state);
    const onAbort = (): void => abort.abort();
    context.signal.addEventListener('abort', onAbort, { once: true });
    this.render(taskId, request, context, state, abort.signal)
      .then(() => {
        state.done = true;
        state.progress = 1;
      })
      .catch((error: unknown) => {
        state.error =
          error instanceof AppError
            ? error
            : new AppError('FFMPEG_FAILED', error instanceof Error ? error.message : String(error));
      })
      .finally(() => context.signal.removeEventListener('abort', onAbort));
  }

  private async render(
    taskId: string,
    request: GenerationRequest,
    context: AdapterContext,
    state: RenderState,
    signal: AbortSignal,
  ): Promise<void> {
    const ffmpegPath = await context.binaries.ffmpegPath();
    const { width, height } = ratioToSize(request.ratio, this.options.shortSide ?? 720);
    let title: { promptFile: string; labelFile: string; fontFile: string } | null = null;
    const stills = [request.keyframes.first, request.keyframes.middle, request.keyframes.last];
    if (stills.every((still) => still === null)) {
      this.drawtext ??= hasDrawtext(ffmpegPath);
      const font = await findFont(this.options.fontCandidates);
      if (font && (await this.drawtext)) {
        const promptFile = join(context.workDir, `${taskId}.prompt.txt`);
        const labelFile = join(context.workDir, `${taskId}.label.txt`);
        // Lines fill 70 % of the width, so a push-in (up to 1.3×) keeps the whole prompt in frame.
        const chars = Math.max(12, Math.floor((0.7 * (width * 2)) / (((height * 2) / 14) * 0.6)));
        const prompt = request.prompt.trim() || 'Untitled shot';
        await writeFile(promptFile, wrapText(prompt, chars, 5).join('\n'));
        await writeFile(
          labelFile,
          `ANIMATIC · ${request.cameraDirection || 'static'} · ${request.durationSeconds} s`,
        );
        title = { promptFile, labelFile, fontFile: font };
      } else {
        context.log('animatic: no drawtext filter or font; the title card has no text');
      }
    }
    const temp = join(context.workDir, `${taskId}.${randomBytes(4).toString('hex')}.rendering.mp4`);
    const plan = planAnimatic({ request, outputPath: temp, width, height, title });
    const expectedDurationUs = Math.round((plan.frames * request.rate.den * 1e6) / request.rate.num);
    try {
      await runFfmpeg(plan.invocation, {
        ffmpegPath,
        signal,
        expectedDurationUs,
        onProgress: (progress) => {
          if (progress.fraction !== null) state.progress = Math.min(0.99, progress.fraction);
        },
      });
      await rename(temp, state.outputPath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

function succeeded(path: string): PollResult {
  return { status: 'succeeded', outputs: [{ kind: 'localPath', path, mimeType: 'video/mp4' }], costCents: 0 };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
