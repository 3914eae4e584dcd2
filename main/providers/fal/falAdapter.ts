import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { streamDownload } from '../download';
import { classifySdkError, isProviderError } from '../errors';
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
import { falClient } from './falClient';
import { checkFalRequest, falInput } from './falInputs';

export interface FalAdapterOptions {
  pollIntervalMs?: number;
}

/** A task id carries the endpoint: status, result and cancel need its owner/app. */
export function falTaskId(endpoint: string, requestId: string): string {
  return `${endpoint}|${requestId}`;
}

export function parseFalTaskId(taskId: string): { endpoint: string; requestId: string } {
  const at = taskId.lastIndexOf('|');
  if (at <= 0) throw new AppError('INTERNAL', 'Not a fal task id.', taskId);
  return { endpoint: taskId.slice(0, at), requestId: taskId.slice(at + 1) };
}

/** The video URL in a fal result (`{ video: { url } }` for every video endpoint Shotloom maps). */
function videoOf(data: unknown): { url: string; contentType: string | undefined } | null {
  const video = (data as { video?: { url?: unknown; content_type?: unknown } } | null)?.video;
  if (!video || typeof video.url !== 'string') return null;
  return {
    url: video.url,
    contentType: typeof video.content_type === 'string' ? video.content_type : undefined,
  };
}

/** fal (`@fal-ai/client` queue API): submit, status, result, cancel. */
export class FalAdapter implements ProviderAdapter {
  readonly id = 'fal' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 4;
  readonly pollIntervalMs: number;

  constructor(options: FalAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 3_000;
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkFalRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    const input = await falInput(request);
    const fal = falClient(context, context.createTimeoutMs);
    try {
      const submitted = await fal.queue.submit(request.model, { input, abortSignal: context.signal });
      context.log(`fal: submitted ${request.model} request ${submitted.request_id}`);
      return { taskId: falTaskId(request.model, submitted.request_id) };
    } catch (error) {
      throw classifySdkError(error, 'create', 'fal', [context.apiKey]);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const { endpoint, requestId } = parseFalTaskId(taskId);
    const fal = falClient(context, context.requestTimeoutMs);
    const status = await fal.queue
      .status(endpoint, { requestId, logs: false, abortSignal: context.signal })
      .catch((error: unknown) => {
        throw classifySdkError(error, 'poll', 'fal', [context.apiKey]);
      });
    if (status.status === 'IN_QUEUE') return { status: 'queued', progress: null };
    if (status.status === 'IN_PROGRESS') return { status: 'running', progress: null };
    try {
      const result = await fal.queue.result(endpoint, { requestId, abortSignal: context.signal });
      const video = videoOf(result.data);
      if (!video) {
        return {
          status: 'failed',
          failure: {
            code: 'PROVIDER_FAILED',
            message: 'fal finished without a video.',
            moderation: false,
            retryable: true,
          },
        };
      }
      return {
        status: 'succeeded',
        outputs: [
          {
            kind: 'url',
            url: video.url,
            ...(video.contentType ? { mimeType: video.contentType } : {}),
            expiresAt: null,
          },
        ],
      };
    } catch (error) {
      // The request finished: a refusal on its result is the task's failure, not a transient error.
      if (isProviderError(error) && !error.retryable) {
        return {
          status: 'failed',
          failure: {
            code: error.code,
            message: error.message,
            ...(error.detail ? { detail: error.detail } : {}),
            moderation: error.moderation,
            retryable: !error.moderation && error.code !== 'PROVIDER_BAD_REQUEST',
          },
        };
      }
      throw error;
    }
  }

  async cancel(taskId: string, context: AdapterContext): Promise<void> {
    const { endpoint, requestId } = parseFalTaskId(taskId);
    await falClient(context, context.requestTimeoutMs).queue.cancel(endpoint, {
      requestId,
      abortSignal: context.signal,
    });
  }

  /** fal CDN links are public: fetched without the key. */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'fal outputs are links.');
    const base = context.baseUrl?.replace(/\/$/, '');
    const url = base
      ? output.url.replace(/^https:\/\/([a-z0-9.-]*fal\.(?:run|ai|media))\//i, `${base}/$1/`)
      : output.url;
    return streamDownload({ url, destinationFile, signal: context.signal, provider: 'fal', resume: true });
  }

  /** A status read of a request id that cannot exist: 401/403 means the key is refused, 404 that it works. */
  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    try {
      await falClient(context, context.requestTimeoutMs).queue.status('fal-ai/veo3.1', {
        requestId: '00000000-0000-0000-0000-000000000000',
        abortSignal: context.signal,
      });
      return { ok: true, detail: 'The fal key works.' };
    } catch (error) {
      if (isProviderError(error) && error.code === 'PROVIDER_FAILED' && error.status === 404) {
        return { ok: true, detail: 'The fal key works.' };
      }
      return { ok: false, detail: error instanceof AppError ? error.message : 'fal could not be reached.' };
    }
  }
}
