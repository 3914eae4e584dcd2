import { join } from 'node:path';
import type { ProviderId } from '../../../common/catalog/providerIds';
import type { HandlerMap } from '../../core/handlers';
import { redact } from '../../providers/errors';
import type { Binaries } from '../../ffmpeg/binaries';
import type { ProviderRegistry } from '../../providers/registry';
import type { JobEngine } from '../jobs/jobEngine';
import type { KeyService } from '../secrets/keyService';
import type { GenerationService } from './generationService';

export type GenerationChannel =
  | 'generate:estimate'
  | 'generate:start'
  | 'job:list'
  | 'job:cancel'
  | 'job:retry'
  | 'settings:keys:list'
  | 'settings:keys:set'
  | 'settings:keys:clear'
  | 'settings:keys:test';

export interface GenerationHandlerDeps {
  service: GenerationService;
  engine: JobEngine;
  keys: KeyService;
  registry: ProviderRegistry;
  binaries: Pick<Binaries, 'ffmpegPath' | 'ffprobePath'>;
  dataDir: string;
  baseUrls: Partial<Record<ProviderId, string>>;
}

/** The generate:*, job:* and settings:keys:* handlers. Key values go in, never out. */
export function generationHandlers(deps: GenerationHandlerDeps): Pick<HandlerMap, GenerationChannel> {
  return {
    'generate:estimate': (request) => deps.service.estimate(request),
    'generate:start': (request) => deps.service.start(request),
    'job:list': () => deps.engine.list(),
    'job:cancel': (request) => deps.engine.cancel(request.jobId),
    'job:retry': (request) => deps.service.retry(request.jobId, request.confirmUncertain),
    'settings:keys:list': () => deps.keys.list(),
    'settings:keys:set': (request) => deps.keys.set(request.provider, request.key),
    'settings:keys:clear': (request) => deps.keys.clear(request.provider),
    'settings:keys:test': async (request) => {
      const provider = request.provider;
      if (!deps.registry.has(provider)) {
        return { provider, ok: false, detail: 'Shotloom cannot reach this provider in this build yet.' };
      }
      const adapter = deps.registry.get(provider);
      const apiKey = await deps.keys.resolve(provider);
      if (adapter.requiresKey && !apiKey) return { provider, ok: false, detail: 'No key is configured.' };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 20_000);
      try {
        const baseUrl = deps.baseUrls[provider];
        const result = await adapter.testKey({
          apiKey,
          signal: controller.signal,
          ...(baseUrl ? { baseUrl } : {}),
          jobId: 'key-test',
          workDir: join(deps.dataDir, 'jobs', 'work', provider),
          binaries: deps.binaries,
          requestTimeoutMs: 15_000,
          createTimeoutMs: 15_000,
          log: () => undefined,
        });
        return { provider, ...result };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { provider, ok: false, detail: redact(message, [apiKey]) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
