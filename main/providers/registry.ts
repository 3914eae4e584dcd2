import { AppError } from '../../common/contract';
import type { ProviderId } from '../../common/catalog/providerIds';
import type { ProviderAdapter } from './types';

/**
 * The adapters the job engine can use, by provider id. The core registers every built-in adapter
 * (createProviderRegistry in main/providers/defaultRegistry.ts); tests register fakes.
 */
export class ProviderRegistry {
  private readonly adapters = new Map<ProviderId, ProviderAdapter>();

  register(adapter: ProviderAdapter): this {
    this.adapters.set(adapter.id, adapter);
    return this;
  }

  has(provider: string): boolean {
    return this.adapters.has(provider as ProviderId);
  }

  get(provider: string): ProviderAdapter {
    const adapter = this.adapters.get(provider as ProviderId);
    if (!adapter) {
      throw new AppError(
        'CAPABILITY_UNSUPPORTED',
        `Shotloom cannot generate with "${provider}" in this build yet.`,
      );
    }
    return adapter;
  }

  list(): ProviderAdapter[] {
    return [...this.adapters.values()];
  }
}
