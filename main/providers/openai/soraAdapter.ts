import OpenAI from 'openai';
import { AppError } from '../../../common/contract';
import { streamDownload } from '../download';
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
  UncertainCreate,
} from '../types';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { classifySoraError } from './soraErrors';
import { sendSoraCreate, soraSize } from './soraRequest';
import { videoJobToPoll } from './videoJob';
import { promptWithCamera } from '../promptText';

export const openAiDefaultBaseUrl = 'https://api.openai.com/v1';

/** Modes the Sora 2 Videos API offers (first+last frame and reference images are not among them). */
const soraModes = new Set(['textToVideo', 'imageToVideo', 'remix', 'videoToVideo', 'extend']);
const soraSeconds = new Set([4, 8, 12, 16, 20]);

/** What the Videos API itself refuses, checked before any request (the engine checks the catalog first). */
export function checkSoraRequest(request: GenerationRequest): void {
  if (!soraModes.has(request.mode)) {
    throw new AppError('CAPABILITY_UNSUPPORTED', `Sora 2 cannot do ${request.mode}.`);
  }
  if (request.mode !== 'remix' && !soraSeconds.has(request.durationSeconds)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      'Sora 2 makes clips of 4, 8 or 12 seconds (extensions up to 20).',
    );
  }
  if (request.mode === 'textToVideo' || request.mode === 'imageToVideo') soraSize(request);
}

function requireKey(context: AdapterContext, provider: string): string {
  if (!context.apiKey) throw new AppError('KEY_MISSING', `Add a ${provider} API key in Settings → Keys.`);
  return context.apiKey;
}

/** A client with SDK retries off: the job engine owns every retry (and never repeats a create). */
export function openAiClient(
  context: AdapterContext,
  timeout: number,
  defaultBaseUrl = openAiDefaultBaseUrl,
  provider = 'OpenAI',
): OpenAI {
  return new OpenAI({
    apiKey: requireKey(context, provider),
    baseURL: context.baseUrl ?? defaultBaseUrl,
    maxRetries: 0,
    timeout,
  });
}

/** Where a finished video's bytes are: `/videos/{id}/content?variant=video`. */
export function contentUrl(baseUrl: string, id: string, variant = 'video'): string {
  return `${baseUrl.replace(/\/$/, '')}/videos/${encodeURIComponent(id)}/content?variant=${variant}`;
}

/** The video id and variant back out of a content URL. */
export function parseContentUrl(url: string): { id: string; variant: 'video' | 'thumbnail' | 'spritesheet' } {
  const parsed = new URL(url);
  const match = /\/videos\/([^/]+)\/content$/.exec(parsed.pathname);
  if (!match?.[1]) throw new AppError('INTERNAL', 'Not a video content link.', parsed.pathname);
  const variant = parsed.searchParams.get('variant') ?? 'video';
  if (variant !== 'video' && variant !== 'thumbnail' && variant !== 'spritesheet') {
    throw new AppError('INTERNAL', 'Unknown video content variant.', variant);
  }
  return { id: decodeURIComponent(match[1]), variant };
}

/**
 * Streams `/videos/{id}/content` through the SDK's `downloadContent` (the key goes in its header,
 * never in a URL) into the destination file, with the shared checks (size, stall, cut, expiry).
 */
export async function downloadVideoContent(
  client: OpenAI,
  output: GenerationOutput,
  destinationFile: string,
  context: AdapterContext,
  provider: string,
  classify: (error: unknown) => AppError,
): Promise<DownloadResult> {
  if (output.kind !== 'url') throw new AppError('INTERNAL', `${provider} outputs are links.`);
  const { id, variant } = parseContentUrl(output.url);
  return streamDownload({
    url: output.url,
    destinationFile,
    signal: context.signal,
    provider,
    secrets: [context.apiKey],
    resume: true,
    fetchImpl: async (_url, init) => {
      try {
        return await client.videos.downloadContent(
          id,
          { variant },
          {
            signal: init?.signal ?? context.signal,
            headers: (init?.headers ?? {}) as Record<string, string>,
          },
        );
      } catch (error) {
        throw classify(error);
      }
    },
  });
}

export interface SoraAdapterOptions {
  pollIntervalMs?: number;
}

/** OpenAI Sora 2 through the Videos API (`openai` SDK). The API was shut down on 2026-09-24. */
export class SoraAdapter implements ProviderAdapter {
  readonly id = 'openai' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 2;
  readonly pollIntervalMs: number;

  constructor(options: SoraAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 10_000;
  }

  /** The catalog's verdict (it marks Sora 2 retired since 2026-09-24), then Sora's own rules. */
  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkSoraRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    checkSoraRequest(request);
    const client = openAiClient(context, context.createTimeoutMs);
    try {
      const video = await sendSoraCreate(client, request, {
        signal: context.signal,
        timeout: context.createTimeoutMs,
      });
      context.log(`openai: created video ${video.id}`);
      return { taskId: video.id };
    } catch (error) {
      throw classifySoraError(error, 'create', context.apiKey);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = openAiClient(context, context.requestTimeoutMs);
    try {
      const video = await client.videos.retrieve(taskId, { signal: context.signal });
      return videoJobToPoll('OpenAI', video, (id) => contentUrl(client.baseURL, id));
    } catch (error) {
      throw classifySoraError(error, 'poll', context.apiKey);
    }
  }

  async reconcile(uncertain: UncertainCreate, context: AdapterContext): Promise<string | null | undefined> {
    const client = openAiClient(context, context.requestTimeoutMs);
    const since = Date.parse(uncertain.sentAt) / 1000 - 5;
    try {
      const page = await client.videos.list({ order: 'desc', limit: 50 }, { signal: context.signal });
      const match = page.data.find(
        (video) => video.created_at >= since && video.prompt === promptWithCamera(uncertain.request),
      );
      if (match) return match.id;
      const oldest = page.data.at(-1);
      // The page reaches back before the create was sent and holds no match: surely not created.
      return oldest && oldest.created_at < since ? null : page.has_more ? undefined : null;
    } catch (error) {
      throw classifySoraError(error, 'poll', context.apiKey);
    }
  }

  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    const client = openAiClient(context, context.requestTimeoutMs);
    return downloadVideoContent(client, output, destinationFile, context, 'OpenAI', (error) =>
      classifySoraError(error, 'download', context.apiKey),
    );
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = openAiClient(context, context.requestTimeoutMs);
    try {
      const page = await client.videos.list({ limit: 1 }, { signal: context.signal });
      return {
        ok: true,
        detail: `The key works (${page.data.length} recent video${page.data.length === 1 ? '' : 's'} visible).`,
      };
    } catch (error) {
      const classified = classifySoraError(error, 'other', context.apiKey);
      return { ok: false, detail: classified.message };
    }
  }
}
