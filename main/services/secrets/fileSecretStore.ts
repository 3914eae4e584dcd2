import { chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isProviderId, type ProviderId } from '../../../common/catalog/providerIds';
import { writeFileAtomic } from '../../fs/atomicWrite';
import type { SecretStore } from './secretStore';

/**
 * Keys in `<dataDir>/secrets.json`, readable only by the user (mode 0600, written atomically), for
 * the browser and CLI hosts, which have no OS keychain. Not encrypted: reported as weak.
 */
export class FileSecretStore implements SecretStore {
  readonly storage = 'file' as const;
  readonly file: string;
  private cache: Map<ProviderId, string> | null = null;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'secrets.json');
  }

  weakness(): string | null {
    return process.platform === 'win32'
      ? 'Keys are kept unencrypted in secrets.json in your user profile. Environment variables or the desktop app keep them safer.'
      : 'Keys are kept unencrypted in secrets.json, readable only by your user (mode 0600). Environment variables or the desktop app keep them safer.';
  }

  async get(provider: ProviderId): Promise<string | null> {
    return (await this.load()).get(provider) ?? null;
  }

  async set(provider: ProviderId, key: string): Promise<void> {
    const keys = await this.load();
    keys.set(provider, key);
    await this.save(keys);
  }

  async delete(provider: ProviderId): Promise<void> {
    const keys = await this.load();
    if (keys.delete(provider)) await this.save(keys);
  }

  private async load(): Promise<Map<ProviderId, string>> {
    if (this.cache) return this.cache;
    const keys = new Map<ProviderId, string>();
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as {
        v?: number;
        keys?: Record<string, unknown>;
      };
      for (const [provider, key] of Object.entries(parsed.keys ?? {})) {
        if (isProviderId(provider) && typeof key === 'string' && key) keys.set(provider, key);
      }
    } catch {
      // No file yet, or a damaged one: no stored keys (environment variables still work).
    }
    this.cache = keys;
    return keys;
  }

  private async save(keys: Map<ProviderId, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify({ v: 1, keys: Object.fromEntries(keys) }));
    await chmod(this.file, 0o600).catch(() => undefined);
    this.cache = keys;
  }
}
