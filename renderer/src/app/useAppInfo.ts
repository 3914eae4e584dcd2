import { useEffect, useState } from 'react';
import type { AppErrorShape, AppInfo } from '../../../common/contract';
import { useApi } from '../api/ApiContext';

export type AppInfoState =
  { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: AppErrorShape };

export function useAppInfo(): AppInfoState {
  const api = useApi();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.invoke('app:info', {}).then((result) => {
      if (!live) return;
      setState(
        result.ok ? { status: 'ready', info: result.value } : { status: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
