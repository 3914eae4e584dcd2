import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { classifySdkError } from '../errors';
import { contentUrl, downloadVideoContent, openAiClient } from '../openai/videosClient';
import { videoJobToPoll, type VideoJob } from '../openai/videoJob';
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
import { cometFamily, cometModes, cometSeconds, cometSize, sendCometCreate } from './cometRequest';

/** What CometAPI's video route takes for each model family, checked before any request. */
export function checkCometRequest(request: GenerationRequest): void {
  const family = cometFamily(request.model);
  if (!family)
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `CometAPI model ${request.model} is not one Shotloom knows.`,
    );
  if (!cometModes[family].has(request.mode)) {
    throw new AppError('CAPABILITY_UNSUPPORTED', `${request.model} on CometAPI cannot do ${request.mode}.`);
  }
  if (!cometSeconds[family].has(request.durationSeconds)) {
    const allowed = [...cometSeconds[family]].join(', ');
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `${request.model} on CometAPI makes clips of ${allowed} seconds.`,
    );
  }
  cometSize(request, family);
}

export const cometDefaultBaseUrl = 'https://api.cometapi.com/v1';

export interface CometAdapterOptions {
  pollIntervalMs?: number;
}

/**
 * CometAPI (an aggregator) through its OpenAI-compatible video route, on the `openai` SDK with
 * CometAPI's base URL: Sora 2 (still reachable here after OpenAI's own shutdown) and Veo 3.1.
 */
export class CometAdapter implements ProviderAdapter {
  readonly id = 'cometapi' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 2;
  readonly pollIntervalMs: number;

  constructor(options: CometAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 10_000;
  }

  private client(context: AdapterContext, timeout: number) {
    return openAiClient(context, timeout, cometDefaultBaseUrl, 'CometAPI');
  }

  private classify(
    error: unknown,
    phase: Parameters<typeof classifySdkError>[1],
    context: AdapterContext,
  ): AppError {
    return classifySdkError(error, phase, 'CometAPI', [context.apiKey]);
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkCometRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    checkCometRequest(request);
    const client = this.client(context, context.createTimeoutMs);
    try {
      const job = await sendCometCreate(client, request, {
        signal: context.signal,
        timeout: context.createTimeoutMs,
      });
      if (!job || typeof job.id !== 'string') {
        throw new AppError(
          'PROVIDER_UNCERTAIN',
          'CometAPI answered without a task id; the task may have been created.',
        );
      }
      context.log(`cometapi: created video ${job.id}`);
      return { taskId: job.id };
    } catch (error) {
      throw this.classify(error, 'create', context);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      const job = (await client.videos.retrieve(taskId, { signal: context.signal })) as VideoJob;
      return videoJobToPoll('CometAPI', job, (id) => contentUrl(client.baseURL, id));
    } catch (error) {
      throw this.classify(error, 'poll', context);
    }
  }

  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    const client = this.client(context, context.requestTimeoutMs);
    return downloadVideoContent(client, output, destinationFile, context, 'CometAPI', (error) =>
      this.classify(error, 'download', context),
    );
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      await client.models.list({ signal: context.signal });
      return { ok: true, detail: 'The CometAPI key works.' };
    } catch (error) {
      return { ok: false, detail: this.classify(error, 'other', context).message };
    }
  }
}
