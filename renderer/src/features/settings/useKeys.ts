import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyStatus as CoreKeyStatus } from '../../../../common/contract/channels/settingsKeys';
import type { ProviderId } from '../../../../common/catalog';
import { useApi } from '../../api/ApiContext';

/** What the page may know about a provider's key: never the key itself. */
export interface KeyStatus extends CoreKeyStatus {
  /** The last test in this session. */
  test?: { ok: boolean; detail: string };
}

const storageWords: Record<CoreKeyStatus['storage'], string> = {
  'os-keychain': 'Keys are encrypted with your operating system’s keychain by the Shotloom core process.',
  file: 'Keys are kept in a file in Shotloom’s data folder, readable by your user account only.',
  memory: 'Keys are kept in memory only, until Shotloom quits.',
};

/** Where keys are kept and how safely, in words (from any provider's status: the store is one). */
export function describeStorage(statuses: readonly CoreKeyStatus[]): { text: string; weak: boolean } {
  const first = statuses[0];
  if (!first) return { text: 'Keys are kept by the Shotloom core, never in project files.', weak: false };
  const warning = statuses.find((status) => status.warning)?.warning;
  return {
    text: `${warning ?? storageWords[first.storage]} Keys are never written to projects or settings and never sent back to this window.`,
    weak: statuses.some((status) => status.weak),
  };
}

/** Provider keys as the page sees them (configured or not), and setting, testing and clearing them. */
export function useKeys(): {
  byProvider: ReadonlyMap<string, KeyStatus>;
  storage: { text: string; weak: boolean };
  message: string | null;
  set: (provider: ProviderId, key: string) => Promise<string | null>;
  test: (provider: ProviderId) => Promise<void>;
  clear: (provider: ProviderId) => Promise<void>;
} {
  const api = useApi();
  const [statuses, setStatuses] = useState<Map<string, KeyStatus>>(new Map());
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:keys:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setStatuses(new Map(result.value.map((status) => [status.provider, status])));
      else setMessage(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const put = useCallback((status: KeyStatus) => {
    setStatuses((current) => new Map(current).set(status.provider, status));
  }, []);

  const set = useCallback(
    async (provider: ProviderId, key: string) => {
      const result = await api.invoke('settings:keys:set', { provider, key: key.trim() });
      if (!result.ok) return result.error.message;
      put(result.value);
      return null;
    },
    [api, put],
  );

  const test = useCallback(
    async (provider: ProviderId) => {
      const result = await api.invoke('settings:keys:test', { provider });
      setStatuses((current) => {
        const status = current.get(provider);
        if (!status) return current;
        const outcome = result.ok
          ? { ok: result.value.ok, detail: result.value.detail }
          : { ok: false, detail: result.error.message };
        return new Map(current).set(provider, { ...status, test: outcome });
      });
    },
    [api],
  );

  const clear = useCallback(
    async (provider: ProviderId) => {
      const result = await api.invoke('settings:keys:clear', { provider });
      if (result.ok) put(result.value);
      else setMessage(result.error.message);
    },
    [api, put],
  );

  const storage = useMemo(() => describeStorage([...statuses.values()]), [statuses]);
  return { byProvider: statuses, storage, message, set, test, clear };
}
