import LumaAI from 'lumaai';
import { AppError } from '../../../common/contract';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { streamDownload } from '../download';
import { classifySdkError, type CallPhase } from '../errors';
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
import { checkLumaRequest, inlineImage, lumaParameters, type ImagePublisher } from './lumaRequest';

export const lumaDefaultBaseUrl = 'https://api.lumalabs.ai/dream-machine/v1';

const moderationPattern = /moderat|policy|nsfw|safety|blocked|inappropriate/i;

export interface LumaAdapterOptions {
  pollIntervalMs?: number;
  publishImage?: ImagePublisher;
}

/** Luma Dream Machine (`lumaai` SDK): generations.create and generations.get. */
export class LumaAdapter implements ProviderAdapter {
  readonly id = 'luma' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 4;
  readonly pollIntervalMs: number;
  private readonly publishImage: ImagePublisher;

  constructor(options: LumaAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.publishImage = options.publishImage ?? inlineImage;
  }

  private client(context: AdapterContext, timeout: number): LumaAI {
    if (!context.apiKey) throw new AppError('KEY_MISSING', 'Add a Luma API key in Settings → Keys.');
    return new LumaAI({
      authToken: context.apiKey,
      baseURL: context.baseUrl ?? lumaDefaultBaseUrl,
      maxRetries: 0,
      timeout,
    });
  }

  private classify(error: unknown, phase: CallPhase, context: AdapterContext): AppError {
    return classifySdkError(error, phase, 'Luma', [context.apiKey]);
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkLumaRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    const parameters = await lumaParameters(request, this.publishImage);
    const client = this.client(context, context.createTimeoutMs);
    try {
      const generation = await client.generations.create(parameters, { signal: context.signal });
      if (!generation.id)
        throw new AppError(
          'PROVIDER_UNCERTAIN',
          'Luma answered without a generation id; it may have been created.',
        );
      context.log(`luma: created generation ${generation.id}`);
      return { taskId: generation.id };
    } catch (error) {
      throw this.classify(error, 'create', context);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      const generation = await client.generations.get(taskId, { signal: context.signal });
      switch (generation.state) {
        case 'queued':
          return { status: 'queued', progress: null };
        case 'dreaming':
          return { status: 'running', progress: null };
        case 'completed': {
          const url = generation.assets?.video;
          if (!url)
            return {
              status: 'failed',
              failure: {
                code: 'PROVIDER_FAILED',
                message: 'Luma finished without a video.',
                moderation: false,
                retryable: true,
              },
            };
          return {
            status: 'succeeded',
            outputs: [{ kind: 'url', url, mimeType: 'video/mp4', expiresAt: null }],
          };
        }
        case 'failed': {
          const reason = generation.failure_reason ?? 'unknown reason';
          const moderation = moderationPattern.test(reason);
          return {
            status: 'failed',
            failure: {
              code: moderation ? 'PROVIDER_MODERATION' : 'PROVIDER_FAILED',
              message: moderation
                ? `Luma rejected the content of this shot: ${reason.slice(0, 200)}. Edit it and try again.`
                : `Luma could not generate this take: ${reason.slice(0, 200)}`,
              detail: reason.slice(0, 300),
              moderation,
              retryable: !moderation,
            },
          };
        }
        default:
          return { status: 'running', progress: null };
      }
    } catch (error) {
      throw this.classify(error, 'poll', context);
    }
  }

  /** Luma's asset links are plain CDN URLs: fetched without the key. */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'Luma outputs are links.');
    return streamDownload({
      url: output.url,
      destinationFile,
      signal: context.signal,
      provider: 'Luma',
      resume: true,
    });
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = this.client(context, context.requestTimeoutMs);
    try {
      const credits = await client.credits.get({ signal: context.signal });
      return { ok: true, detail: `The key works; credit balance ${credits.credit_balance}.` };
    } catch (error) {
      return { ok: false, detail: this.classify(error, 'other', context).message };
    }
  }
}
