import { join } from 'node:path';
import type { ProviderId } from '../../../common/catalog/providerIds';
import type { EventEmit, HandlerMap } from '../../core/handlers';
import type { Binaries } from '../../ffmpeg/binaries';
import { createProviderRegistry } from '../../providers/defaultRegistry';
import type { ProviderRegistry } from '../../providers/registry';
import { JobEngine, type JobEngineOptions } from '../jobs/jobEngine';
import { JobJournal } from '../jobs/jobJournal';
import type { ProjectAccess } from '../project/projectAccess';
import { FileSecretStore } from '../secrets/fileSecretStore';
import { KeyService } from '../secrets/keyService';
import type { SecretStore } from '../secrets/secretStore';
import { generationHandlers, type GenerationChannel } from './generationHandlers';
import { GenerationService, type TakeMedia } from './generationService';

export interface GenerationSetup {
  dataDir: string;
  projects: ProjectAccess;
  media: TakeMedia;
  binaries: Pick<Binaries, 'ffmpegPath' | 'ffprobePath'>;
  emit: EventEmit;
  env?: NodeJS.ProcessEnv;
  /** The host's key storage (Electron: safeStorage); a 0600 file in dataDir otherwise. */
  secretStore?: SecretStore;
  /** Tests pass adapters pointed at fake servers. */
  registry?: ProviderRegistry;
  baseUrls?: Partial<Record<ProviderId, string>>;
  /** The ComfyUI machines from Settings, read at every call (comma-joined as the adapter expects). */
  comfyUrls?: () => readonly string[];
  /** Engine timing for tests (poll interval, backoff). */
  engine?: Partial<
    Pick<
      JobEngineOptions,
      'pollIntervalMs' | 'backoff' | 'createTimeoutMs' | 'requestTimeoutMs' | 'importRetryMs' | 'concurrency'
    >
  >;
  log?: (message: string) => void;
}

export interface Generation {
  service: GenerationService;
  engine: JobEngine;
  keys: KeyService;
  registry: ProviderRegistry;
  handlers: Pick<HandlerMap, GenerationChannel>;
  dispose(): Promise<void>;
}

/** Keys, adapters, the job engine over its journal in dataDir/jobs, and the generation service. */
export async function createGeneration(setup: GenerationSetup): Promise<Generation> {
  const registry = setup.registry ?? createProviderRegistry();
  const keys = new KeyService(
    setup.secretStore ?? new FileSecretStore(setup.dataDir),
    setup.env ?? process.env,
  );
  const service = new GenerationService(setup.projects, registry, setup.media);
  const baseUrls: Partial<Record<ProviderId, string>> = { ...setup.baseUrls };
  const comfyUrls = setup.comfyUrls;
  if (comfyUrls && baseUrls.comfyui === undefined) {
    Object.defineProperty(baseUrls, 'comfyui', {
      enumerable: true,
      get: () => (comfyUrls().length > 0 ? comfyUrls().join(',') : undefined),
    });
  }
  const engine = new JobEngine({
    journal: new JobJournal(join(setup.dataDir, 'jobs', 'journal.jsonl')),
    registry,
    resolveKey: (provider) => keys.resolve(provider),
    binaries: setup.binaries,
    workDir: join(setup.dataDir, 'jobs', 'work'),
    emit: setup.emit,
    importer: service,
    baseUrls,
    ...(setup.log ? { log: setup.log } : {}),
    ...setup.engine,
  });
  service.attach(engine);
  await engine.start();
  return {
    service,
    engine,
    keys,
    registry,
    handlers: generationHandlers({
      service,
      engine,
      keys,
      registry,
      binaries: setup.binaries,
      dataDir: setup.dataDir,
      baseUrls,
    }),
    dispose: () => engine.shutdown(),
  };
}
