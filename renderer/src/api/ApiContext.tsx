import { createContext, useContext, type ReactNode } from 'react';
import type { ShotloomApi } from '../../../common/contract';

const ApiContext = createContext<ShotloomApi | null>(null);

export function ApiProvider({ api, children }: { api: ShotloomApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ShotloomApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
