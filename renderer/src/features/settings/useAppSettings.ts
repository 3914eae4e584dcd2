import { useCallback, useEffect, useState } from 'react';
import type { AppSettingsView, RequestOf, Result } from '../../../../common/contract';
import { useApi } from '../../api/ApiContext';

export interface AppSettingsState {
  settings: AppSettingsView | null;
  error: string | null;
  /** settings:update; answers the error message or null. */
  update: (change: RequestOf<'settings:update'>) => Promise<string | null>;
  /** settings:ffmpeg (desktop app only). */
  ffmpeg: (action: 'choose' | 'automatic') => Promise<string | null>;
}

/** The app settings a window may read and change (never keys). */
export function useAppSettings(): AppSettingsState {
  const api = useApi();
  const [settings, setSettings] = useState<AppSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:get', {}).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const accept = useCallback((result: Result<AppSettingsView>) => {
    if (result.ok) setSettings(result.value);
    const message = result.ok ? null : result.error.message;
    setError(message);
    return message;
  }, []);
  const update = useCallback(
    async (change: RequestOf<'settings:update'>) => accept(await api.invoke('settings:update', change)),
    [api, accept],
  );
  const ffmpeg = useCallback(
    async (action: 'choose' | 'automatic') => accept(await api.invoke('settings:ffmpeg', { action })),
    [api, accept],
  );

  return {
    settings,
    error,
    update,
    ffmpeg,
  };
}
