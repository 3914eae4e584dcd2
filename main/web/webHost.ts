import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { webSocketPath, type WsClientMessage, type WsServerMessage } from '../../common/contract';
import type { Core } from '../core/createCore';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { AccessGuard, newToken } from './accessGuard';
import { serveStatic } from './staticFiles';

/** An extra HTTP route of the browser host (media by asset id, for example). */
export type WebRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<boolean> | boolean;

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  routes?: WebRoute[];
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  response.end(message);
}

/**
 * The browser host: the same core on 127.0.0.1, the built renderer over HTTP, the contract over a
 * WebSocket. Every request must name this host and carry the per-launch token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const guard = new AccessGuard(token, options.port ?? 0);
  const sockets = new Set<WebSocket>();

  const server = createServer((request, response) => {
    void handleHttp(request, response).catch(() => refuse(response, 500, 'Internal error'));
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(request)) return refuse(response, 421, 'Unknown host');
    if (!guard.tokenValid(request))
      return refuse(response, 401, 'Missing or wrong token: open the URL that was printed at start.');
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Routes answer their own methods (the upload route takes POST); everything else is GET/HEAD.
    for (const route of options.routes ?? []) {
      if (await route(request, response, url)) return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'Method not allowed');
    response.setHeader('Set-Cookie', guard.sessionCookie());
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    if (await serveStatic(options.staticDir, url.pathname, response)) return;
    refuse(response, 404, 'Not found');
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const reject = (status: string): void => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== webSocketPath) return reject('404 Not Found');
    if (!guard.hostAllowed(request)) return reject('421 Misdirected Request');
    if (!guard.originAllowed(request)) return reject('403 Forbidden');
    if (!guard.tokenValid(request)) return reject('401 Unauthorized');
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws));
  });

  function onConnection(ws: WebSocket): void {
    sockets.add(ws);
    const controller = new AbortController();
    const send = (message: WsServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.core.events.subscribe((event, payload) =>
      send({ type: 'event', event, payload }),
    );
    ws.on('message', (data) => {
      let message: WsClientMessage;
      try {
        message = JSON.parse(String(data)) as WsClientMessage;
      } catch {
        return;
      }
      if (message?.type !== 'invoke' || typeof message.id !== 'number') return;
      void options.core
        .invoke(message.channel, message.request, { host: 'web', signal: controller.signal })
        .then((result) => send({ type: 'result', id: message.id, result }));
    });
    ws.on('close', () => {
      controller.abort();
      unsubscribe();
      sockets.delete(ws);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.setPort(port);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
