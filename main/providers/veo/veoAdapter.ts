import { GenerateVideosOperation } from '@google/genai';
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
} from '../types';
import { estimateFromCatalog, validateWithCatalog } from '../capability';
import { classifyVeoError, veoClient } from './veoClient';
import { veoOperationToPoll } from './veoOperation';
import { checkVeoRequest, veoParameters } from './veoRequest';

export interface VeoAdapterOptions {
  pollIntervalMs?: number;
}

/** Google Veo 3.1 on the Gemini API (`@google/genai`): generateVideos + getVideosOperation polling. */
export class VeoAdapter implements ProviderAdapter {
  readonly id = 'google' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 2;
  readonly pollIntervalMs: number;

  constructor(options: VeoAdapterOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 10_000;
  }

  validate(request: GenerationRequest): void {
    validateWithCatalog(request);
    checkVeoRequest(request);
  }

  estimateCost(request: GenerationRequest): CostEstimate {
    return estimateFromCatalog(request);
  }

  async create(request: GenerationRequest, context: AdapterContext): Promise<CreateResult> {
    const parameters = await veoParameters(request);
    if (request.seed !== null)
      context.log('google: seed is a Vertex-only parameter; not sent on the Gemini API');
    const client = veoClient(context, context.createTimeoutMs);
    try {
      const operation = await client.ai.models.generateVideos(parameters);
      if (!operation.name)
        throw new AppError(
          'PROVIDER_UNCERTAIN',
          'Google Veo answered without an operation name; the task may have been created.',
        );
      context.log(`google: started ${operation.name}`);
      return { taskId: operation.name };
    } catch (error) {
      throw classifyVeoError(error, 'create', context, client);
    }
  }

  async poll(taskId: string, context: AdapterContext): Promise<PollResult> {
    const client = veoClient(context, context.requestTimeoutMs);
    const operation = new GenerateVideosOperation();
    operation.name = taskId;
    try {
      return veoOperationToPoll(await client.ai.operations.getVideosOperation({ operation }));
    } catch (error) {
      throw classifyVeoError(error, 'poll', context, client);
    }
  }

  /** Fetches the file link with the key in a header (never in the URL), streamed to disk. */
  download(
    output: GenerationOutput,
    destinationFile: string,
    context: AdapterContext,
  ): Promise<DownloadResult> {
    if (output.kind !== 'url') throw new AppError('INTERNAL', 'Veo outputs are links.');
    if (!context.apiKey) throw new AppError('KEY_MISSING', 'Add a Google Gemini API key in Settings → Keys.');
    return streamDownload({
      url: output.url,
      destinationFile,
      signal: context.signal,
      provider: 'Google Veo',
      headers: { 'x-goog-api-key': context.apiKey },
      secrets: [context.apiKey],
      resume: true,
    });
  }

  async testKey(context: AdapterContext): Promise<KeyTestResult> {
    const client = veoClient(context, context.requestTimeoutMs);
    try {
      const pager = await client.ai.models.list({ config: { pageSize: 1 } });
      return { ok: true, detail: `The key works (${pager.page.length} model listed).` };
    } catch (error) {
      return { ok: false, detail: classifyVeoError(error, 'other', context, client).message };
    }
  }
}
