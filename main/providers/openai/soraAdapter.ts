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
import { checkSoraRequest, sendSoraCreate } from './soraRequest';
import { contentUrl, downloadVideoContent, openAiClient } from './videosClient';
import { videoJobToPoll } from './videoJob';
import { promptWithCamera } from '../promptText';

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
