import { z } from 'zod';
import { providerIds } from '../../catalog/providerIds';
import { channel } from '../define';

/** Where a provider's key comes from, as the renderer may see it: never the key itself. */
export interface KeyStatus {
  provider: string;
  configured: boolean;
  /** Which key is used: the app's store or an environment variable (named). */
  source: 'store' | 'env' | null;
  envVariable: string | null;
  /** How the store keeps keys on this host. */
  storage: 'os-keychain' | 'file' | 'memory';
  /** The store offers no real protection (Linux basic_text, plain file). */
  weak: boolean;
  /** Why it is weak and what to do, when weak. */
  warning: string | null;
  /** False for Animatic and ComfyUI. */
  required: boolean;
}

const keyProvider = z.enum(providerIds);

export const settingsKeyChannels = {
  'settings:keys:list': channel(z.object({}).strict()).returns<KeyStatus[]>(),
  /** Stores a key in the main process; the response never echoes it. */
  'settings:keys:set': channel(
    z
      .object({
        provider: keyProvider,
        key: z
          .string()
          .trim()
          .min(8)
          .max(4096)
          .refine((key) => !/\s/.test(key) && ![...key].some((char) => char.charCodeAt(0) < 32), {
            message: 'a key has no spaces or control characters',
          }),
      })
      .strict(),
  ).returns<KeyStatus>(),
  'settings:keys:clear': channel(z.object({ provider: keyProvider }).strict()).returns<KeyStatus>(),
  /** One cheap authenticated call to the provider (Runway: organization). */
  'settings:keys:test': channel(z.object({ provider: keyProvider }).strict()).returns<{
    provider: string;
    ok: boolean;
    detail: string;
  }>(),
};
