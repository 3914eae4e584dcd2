import type { ProviderId } from '../../../common/catalog/providerIds';

/**
 * Where provider keys are kept, in the main process only. Implementations: a 0600 file for the
 * browser and CLI hosts (fileSecretStore.ts), safeStorage + electron-store in the Electron host
 * (main/electron/secretStore.ts), memory for tests and for hosts without safe storage. Keys never
 * leave through a channel, an event, a log line, an error or the project.
 */
export interface SecretStore {
  readonly storage: 'os-keychain' | 'file' | 'memory';
  /** Why this storage offers little protection, with what to do; null when it is sound. */
  weakness(): string | null;
  get(provider: ProviderId): Promise<string | null>;
  set(provider: ProviderId, key: string): Promise<void>;
  delete(provider: ProviderId): Promise<void>;
}

/** Session-only keys (tests; hosts whose only encryption is a hard-coded password). */
export class MemorySecretStore implements SecretStore {
  readonly storage = 'memory' as const;
  private readonly keys = new Map<ProviderId, string>();

  constructor(private readonly reason: string | null = null) {}

  weakness(): string | null {
    return this.reason;
  }

  async get(provider: ProviderId): Promise<string | null> {
    return this.keys.get(provider) ?? null;
  }

  async set(provider: ProviderId, key: string): Promise<void> {
    this.keys.set(provider, key);
  }

  async delete(provider: ProviderId): Promise<void> {
    this.keys.delete(provider);
  }
}
