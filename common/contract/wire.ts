/** Names and message shapes shared by the hosts' transports and the renderer's clients. */
export const ipcInvokePrefix = 'shotloom:invoke:';
export const ipcEventChannel = 'shotloom:event';
export const mediaScheme = 'shotloom-media';

/** Browser host WebSocket messages. */
export type WsClientMessage = { type: 'invoke'; id: number; channel: string; request: unknown };
export type WsServerMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };

export const webTokenCookie = 'shotloom_token';
export const webSocketPath = '/ws';
export const webMediaPath = '/media/';
