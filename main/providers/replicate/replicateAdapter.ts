import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseProgressFromLogs, type Prediction } from 'replicate';
import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { streamDownload } from '../download';
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
  UncertainCreate,
} from '../types';
import { classifyReplicateError, replicateClient } from './replicateClient';
import { checkReplicateRequest, replicateInput } from './replicateInputs';
import { promptWithCamera } from '../promptText';

const moderationPattern = /flagged as sensitive|\bE005\b|nsfw|safety|content policy|moderat/i;

export interface ReplicateAdapterOptions {
  pollIntervalMs?: number;
}

function outputUrls(output: unknown): string[] {
  if (typeof output === 'string') return [output];
  if (Array.isArray(output)) return output.filter((item): item is string => typeof item === 'string');
  if (output && typeof output === 'object') {
    return Object.values(output as Record<string, unknown>).filter(
      (item): item is string => typeof item === 'string' && /^https?:/.test(item),
    );
  }
  return [];
}

/** Replicate (`replicate` SDK): predictions on `owner/name` models, polling, cancel. */
export class ReplicateAdapter implements ProviderAdapter {
  readonly id = 'replicate' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 4;
  readonly pollIntervalMs: number;

  constructor(options: ReplicateAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkReplicateRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    checkReplicateRequest(request);
    const client = replicateClient(context, context.createTimeoutMs);
    const upload = async (media: LocalMedia): Promise<string> => {
      try {
        const blob = new File([await readFile(media.path)], basename(media.path), { type: media.mimeType });
        const file = await client.files.create(blob, {}, { signal: context.signal });
        return file.urls.get;
      } catch (error) {
        throw classifyReplicateError(error, 'upload', context);
      }
    };
    const input = await replicateInput(request, upload);
    try {
      const prediction = await client.predictions.create({
        model: request.model,
        input,
        signal: context.signal,
      });
      context.log(`replicate: created prediction ${prediction.id}`);
      return { taskId: prediction.id };
    } catch (error) {
      throw classifyReplicateError(error, 'create', context);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = replicateClient(context, context.requestTimeoutMs);
    let prediction: Prediction;
    try {
      prediction = await client.predictions.get(taskId, { signal: context.signal });
    } catch (error) {
      throw classifyReplicateError(error, 'poll', context);
    }
    const progress = parseProgressFromLogs(prediction)?.percentage ?? null;
    switch (prediction.status) {
      case 'starting':
        return { status: 'queued', progress };
      case 'processing':
        return { status: 'running', progress };
      case 'succeeded': {
        const urls = outputUrls(prediction.output);
        if (urls.length === 0) {
          const failure = prediction.data_removed
            ? {
                code: 'PROVIDER_OUTPUT_EXPIRED' as const,
                message: 'Replicate has deleted this output (outputs are kept one hour).',
              }
            : { code: 'PROVIDER_FAILED' as const, message: 'Replicate finished without an output file.' };
          return { status: 'failed', failure: { ...failure, moderation: false, retryable: true } };
        }
        return {
          status: 'succeeded',
          outputs: urls.map((url) => ({
            kind: 'url' as const,
            url,
            expiresAt: new Date(
              Date.parse(prediction.completed_at ?? new Date().toISOString()) + 3600_000,
            ).toISOString(),
          })),
        };
      }
      case 'failed': {
        const reason =
          typeof prediction.error === 'string'
            ? prediction.error
            : JSON.stringify(prediction.error ?? 'unknown error');
        const moderation = moderationPattern.test(reason);
        return {
          status: 'failed',
          failure: {
            code: moderation ? 'PROVIDER_MODERATION' : 'PROVIDER_FAILED',
            message: moderation
              ? 'Replicate flagged this shot as sensitive. Edit the prompt or images and try again.'
              : `Replicate could not generate this take: ${reason.slice(0, 200)}`,
            detail: reason.slice(0, 300),
            moderation,
            retryable: !moderation,
          },
        };
      }
      case 'canceled':
      case 'aborted':
        return { status: 'cancelled' };
      default:
        return { status: 'running', progress };
    }
  }

  async cancel(taskId: string, context: AdapterContext): Promise<void> {
    const client = replicateClient(context, context.requestTimeoutMs);
    try {
      await client.predictions.cancel(taskId, { signal: context.signal });
    } catch (error) {
      throw classifyReplicateError(error, 'cancel', context);
    }
  }

  /** Looks for a prediction created for this job after an unclear create (same model and prompt, created after sending). */
  async reconcile(uncertain: UncertainCreate, context: AdapterContext): Promise<string | null | undefined> {
    const client = replicateClient(context, context.requestTimeoutMs);
    const since = Date.parse(uncertain.sentAt) - 5_000;
    try {
      const page = await client.predictions.list({ signal: context.signal });
      const match = page.results.find(
        (prediction) =>
          Date.parse(prediction.created_at) >= since &&
          prediction.model === uncertain.request.model &&
          (prediction.input as { prompt?: unknown }).prompt === promptWithCamera(uncertain.request),
      );
      if (match) return match.id;
      const oldest = page.results.at(-1);
      return oldest && Date.parse(oldest.created_at) < since ? null : page.next ? undefined : null;
    } catch (error) {
      throw classifyReplicateError(error, 'poll', context);
    }
  }

  /** Output links (replicate.delivery) are fetched without the token; they expire after an hour. */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'Replicate outputs are links.');
    return streamDownload({
      url: output.url,
      destinationFile,
      signal: context.signal,
      provider: 'Replicate',
      resume: true,
    });
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = replicateClient(context, context.requestTimeoutMs);
    try {
      const account = await client.accounts.current({ signal: context.signal });
      return { ok: true, detail: `The token works (account ${account.username}).` };
    } catch (error) {
      return { ok: false, detail: classifyReplicateError(error, 'other', context).message };
    }
  }
}
