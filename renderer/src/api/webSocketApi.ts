import {
  webMediaPath,
  webSocketPath,
  type Result,
  type ShotloomApi,
  type WsServerMessage,
} from '../../../common/contract';

/**
 * `window.shotloom` for the browser host: the same contract over a WebSocket to the server that
 * served this page. The token arrives in the page URL and travels in an HttpOnly cookie.
 */
export function createWebSocketApi(location: Location): ShotloomApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${webSocketPath}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  function connect(): Promise<WebSocket> {
    opened ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(socketUrl);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('The Shotloom server could not be reached.'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const [id, settle] of pending) {
          settle({
            ok: false,
            error: { code: 'INTERNAL', message: 'The connection to the Shotloom server was lost.' },
          });
          pending.delete(id);
        }
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as WsServerMessage;
        if (data.type === 'result') {
          pending.get(data.id)?.(data.result as Result<unknown>);
          pending.delete(data.id);
        } else {
          for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
        }
      };
    });
    return opened;
  }

  const api: ShotloomApi = {
    async invoke(channel, request) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        ws.send(JSON.stringify({ type: 'invoke', id, channel, request }));
      });
    },
    on(event, listener) {
      void connect().catch(() => undefined);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    host: {
      kind: 'web',
      mediaUrl: (assetId) => `${webMediaPath}${encodeURIComponent(assetId)}`,
    },
  };
  return api;
}
