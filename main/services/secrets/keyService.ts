import { AppError } from '../../../common/contract';
import type { KeyStatus } from '../../../common/contract/channels/settingsKeys';
import { findProvider, providerIds, type ProviderId } from '../../../common/catalog';
import type { SecretStore } from './secretStore';

/**
 * The one place keys are resolved: the user's stored key first, else the provider's usual
 * environment variables (RUNWAYML_API_SECRET, OPENAI_API_KEY, GEMINI_API_KEY / GOOGLE_API_KEY,
 * LUMAAI_API_KEY, FAL_KEY, REPLICATE_API_TOKEN, COMETAPI_KEY). Statuses say configured or not and
 * where from; the key itself is only ever handed to an adapter call.
 */
export class KeyService {
  constructor(
    private readonly store: SecretStore,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async resolve(provider: ProviderId): Promise<string | null> {
    const stored = await this.store.get(provider).catch(() => null);
    if (stored) return stored;
    return this.fromEnv(provider)?.value ?? null;
  }

  async status(provider: ProviderId): Promise<KeyStatus> {
    const entry = findProvider(provider);
    const stored = await this.store.get(provider).catch(() => null);
    const env = this.fromEnv(provider);
    const weakness = this.store.weakness();
    return {
      provider,
      configured: Boolean(stored) || env !== null,
      source: stored ? 'store' : env ? 'env' : null,
      envVariable: stored ? null : (env?.name ?? null),
      storage: this.store.storage,
      weak: weakness !== null,
      warning: weakness,
      required: entry?.requiresKey ?? false,
    };
  }

  async list(): Promise<KeyStatus[]> {
    return Promise.all(providerIds.map((provider) => this.status(provider)));
  }

  async set(provider: ProviderId, key: string): Promise<KeyStatus> {
    if (!findProvider(provider)?.requiresKey) {
      throw new AppError('BAD_REQUEST', `${findProvider(provider)?.label ?? provider} needs no key.`);
    }
    await this.store.set(provider, key.trim());
    return this.status(provider);
  }

  async clear(provider: ProviderId): Promise<KeyStatus> {
    await this.store.delete(provider);
    return this.status(provider);
  }

  private fromEnv(provider: ProviderId): { name: string; value: string } | null {
    for (const name of findProvider(provider)?.keyEnv ?? []) {
      const value = this.env[name]?.trim();
      if (value) return { name, value };
    }
    return null;
  }
}
