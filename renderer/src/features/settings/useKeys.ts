import { useMemo } from 'react';

/** What the page may know about a provider's key: never the key itself. */
export interface KeyStatus {
  provider: string;
  configured: boolean;
  /** Where the key in use comes from. */
  source: 'store' | 'environment' | null;
  /** The last test in this session. */
  test?: { ok: boolean; detail: string };
}

export interface KeyStorageInfo {
  /** Where keys are kept and how safely, in a sentence. */
  description: string;
  /** Encrypted by the operating system (false: a plain file readable by this user). */
  encrypted: boolean;
}

export function useKeys(): {
  byProvider: ReadonlyMap<string, KeyStatus>;
  storage: KeyStorageInfo | null;
  message: string | null;
  set: (provider: string, key: string) => Promise<string | null>;
  test: (provider: string) => Promise<void>;
  clear: (provider: string) => Promise<void>;
} {
  return useMemo(
    () => ({
      byProvider: new Map(),
      storage: null,
      message: null,
      set: async () => 'Keys cannot be stored in this build yet.',
      test: async () => undefined,
      clear: async () => undefined,
    }),
    [],
  );
}
