import type { ShotloomApi } from '../../../common/contract';
import { createWebSocketApi } from './webSocketApi';

declare global {
  interface Window {
    shotloom?: ShotloomApi;
  }
}

/** The contract API of this window: the preload bridge in Electron, a WebSocket in the browser host. */
export function resolveApi(): ShotloomApi {
  return window.shotloom ?? createWebSocketApi(window.location);
}
