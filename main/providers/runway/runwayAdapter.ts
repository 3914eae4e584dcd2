import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import RunwayML, { toFile } from '@runwayml/sdk';
import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { streamDownload } from '../download';
import { classifySdkError, isProviderError, type CallPhase } from '../errors';
import type {
  AdapterContext,
  CostEstimate,
  CreateResult,
  DownloadResult,
  GenerationOutput,
  GenerationRequest,
  KeyTestResult,
  LocalMedia,
  PollResult,
  ProviderAdapter,
} from '../types';
import { runwayCall, runwayUploadsNeeded, type RunwayUploads } from './runwayRequest';
import { creditsToCents, runwayPollResult, type RunwayTask } from './runwayTask';

export const runwayDefaultBaseUrl = 'https://api.dev.runwayml.com';

/**
 * Runway on @runwayml/sdk. Every client is built with maxRetries 0 (the job engine owns retries, and
 * a create must never be resent by the SDK) and an explicit base URL (never RUNWAYML_BASE_URL from
 * the environment). Local keyframes and videos go up with uploads.createEphemeral first; then one
 * create; then tasks.retrieve polls. No list endpoint exists, so an uncertain create stays uncertain.
 */
export class RunwayAdapter implements ProviderAdapter {
  readonly id = 'runway' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 2;
  /** Runway asks clients not to expect updates more often than every five seconds. */
  readonly pollIntervalMs = 6_000;

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    this.validate(request);
    const client = this.client(context, context.createTimeoutMs);
    const uris = await this.upload(client, request, context);
    const call = runwayCall(request, uris);
    try {
      const created = await client.post<{ id: string; estimatedCost?: { credits: number } }>(call.route, {
        body: call.body,
        signal: context.signal,
        maxRetries: 0,
        timeout: context.createTimeoutMs,
      });
      if (!created || typeof created.id !== 'string') {
        throw new AppError('PROVIDER_UNCERTAIN', 'Runway accepted the request but sent no task id.');
      }
      return { taskId: created.id, estimatedCostCents: creditsToCents(created.estimatedCost?.credits) };
    } catch (error) {
      throw this.classify(error, 'create', context);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      const task = (await client.tasks.retrieve(taskId, {
        signal: context.signal,
        maxRetries: 0,
      })) as RunwayTask;
      return runwayPollResult(task);
    } catch (error) {
      throw this.classify(error, 'poll', context);
    }
  }

  /** DELETE /v1/tasks/{id}: cancels a pending or running task (the engine never calls it after success). */
  async cancel(taskId: string, context: AdapterContext): Promise<void> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      await client.tasks.delete(taskId, { signal: context.signal, maxRetries: 0 });
    } catch (error) {
      throw this.classify(error, 'cancel', context);
    }
  }

  /** Output links are signed CDN URLs: fetched without the key, resumed with Range when cut. */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'Runway outputs are links.');
    return streamDownload({
      url: output.url,
      destinationFile,
      signal: context.signal,
      provider: 'Runway',
      secrets: [context.apiKey],
      resume: true,
      idleTimeoutMs: Math.max(5_000, context.requestTimeoutMs),
    });
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      const organization = (await client.organization.retrieve({
        signal: context.signal,
        maxRetries: 0,
      })) as {
        creditBalance?: number;
      };
      const balance =
        typeof organization.creditBalance === 'number'
          ? ` Credit balance: ${organization.creditBalance} credits.`
          : '';
      return { ok: true, detail: `Runway accepted the key.${balance}` };
    } catch (error) {
      const classified = this.classify(error, 'other', context);
      if (classified.code === 'PROVIDER_AUTH') return { ok: false, detail: 'Runway refused this key.' };
      throw classified;
    }
  }

  private client(context: AdapterContext, timeout: number): RunwayML {
    if (!context.apiKey)
      throw new AppError('KEY_MISSING', 'There is no Runway key: add one in Settings → Keys.');
    return new RunwayML({
      apiKey: context.apiKey,
      baseURL: context.baseUrl ?? runwayDefaultBaseUrl,
      maxRetries: 0,
      timeout,
      logLevel: 'off',
    });
  }

  private async upload(
    client: RunwayML,
    request: GenerationRequest,
    context: AdapterContext,
  ): Promise<RunwayUploads> {
    const needed = runwayUploadsNeeded(request);
    const one = async (media: LocalMedia | null): Promise<string | undefined> => {
      if (!media) return undefined;
      try {
        const file = await toFile(createReadStream(media.path), basename(media.path), {
          type: media.mimeType,
        });
        const uploaded = await client.uploads.createEphemeral(
          { file },
          { signal: context.signal, maxRetries: 0 },
        );
        return uploaded.uri;
      } catch (error) {
        throw this.classify(error, 'upload', context);
      }
    };
    const uris: RunwayUploads = { references: [] };
    if (needed.first) {
      const first = await one(request.keyframes.first);
      if (first) uris.first = first;
    }
    if (needed.last) {
      const last = await one(request.keyframes.last);
      if (last) uris.last = last;
    }
    if (needed.video) {
      const video = await one(request.sourceVideo);
      if (video) uris.video = video;
    }
    for (const reference of request.references.slice(0, needed.references)) {
      const uri = await one(reference.file);
      if (uri) uris.references.push(uri);
    }
    return uris;
  }

  private classify(error: unknown, phase: CallPhase, context: AdapterContext): AppError {
    if (error instanceof AppError && !isProviderError(error)) return error;
    return classifySdkError(error, phase, 'Runway', [context.apiKey]);
  }
}
