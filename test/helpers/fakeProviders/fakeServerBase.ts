import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A tiny HTTP server on 127.0.0.1 for provider fakes: records every request, answers scripted
 * routes, and injects faults (status codes with Retry-After, hangs, dropped sockets, downloads cut
 * mid-way). Each provider fake (runwayFake.ts, …) registers routes that speak its wire protocol.
 * Everything stops by itself on close(): hung requests and open sockets are destroyed.
 */

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  /** Route parameters (`:id` in the pattern). */
  params: Record<string, string>;
  at: number;
}

export type RouteHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A scripted misbehaviour, consumed before the route handler runs. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Read the request, never answer (the client times out). */
  | { kind: 'hang' }
  /** Run the real handler (the server accepted and did the work), but never send its answer. */
  | { kind: 'acceptThenHang' }
  /** Destroy the socket without an answer. */
  | { kind: 'drop' }
  /** Run the real handler after a delay. */
  | { kind: 'delay'; ms: number };

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

interface FaultEntry {
  method: string;
  pattern: RegExp;
  names: string[];
  fault: Fault;
  remaining: number;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export interface StreamBytesOptions {
  totalBytes: number;
  contentType?: string;
  /** Destroy the socket after this many bytes (a download cut mid-way). */
  cutAfterBytes?: number;
  chunkBytes?: number;
  /** Honour a `Range: bytes=N-` request with 206 (for resume tests). */
  request?: RecordedRequest;
}

/**
 * Streams `totalBytes` generated on the fly (never held in memory), with back-pressure, so a fake
 * can serve a 1 GB "video" cheaply. `source` gives the bytes for an offset (defaults to a pattern).
 */
export function streamBytes(
  response: ServerResponse,
  options: StreamBytesOptions,
  source?: (offset: number, length: number) => Buffer,
): void {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const range = /^bytes=(\d+)-$/.exec(String(options.request?.headers.range ?? ''));
  let offset = range ? Number(range[1]) : 0;
  const status = range ? 206 : 200;
  const headers: Record<string, string | number> = {
    'content-type': options.contentType ?? 'video/mp4',
    'content-length': options.totalBytes - offset,
    'accept-ranges': 'bytes',
  };
  if (range) headers['content-range'] = `bytes ${offset}-${options.totalBytes - 1}/${options.totalBytes}`;
  response.writeHead(status, headers);
  const pattern = Buffer.alloc(chunkBytes, 0x5a);
  const write = (): void => {
    while (offset < options.totalBytes) {
      if (options.cutAfterBytes !== undefined && offset >= options.cutAfterBytes) {
        // Drop the connection once what was written has left (the client keeps those bytes).
        response.write(Buffer.alloc(0), () => setTimeout(() => response.socket?.destroy(), 20));
        return;
      }
      let length = Math.min(chunkBytes, options.totalBytes - offset);
      if (options.cutAfterBytes !== undefined) length = Math.min(length, options.cutAfterBytes - offset);
      const chunk = source ? source(offset, length) : pattern.subarray(0, length);
      offset += length;
      if (!response.write(chunk)) {
        response.once('drain', write);
        return;
      }
    }
    response.end();
  };
  write();
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly faults: FaultEntry[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly hung: ServerResponse[] = [];
  private server: Server | null = null;
  private port = 0;

  /** Starts on 127.0.0.1 at a free port. */
  static async start(): Promise<FakeServer> {
    const fake = new FakeServer();
    await fake.listen();
    return fake;
  }

  /** The Node server itself, for fakes that also answer WebSocket upgrades on the same port (ComfyUI's /ws). */
  get httpServer(): Server | null {
    return this.server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Registers a handler for `METHOD /path/:param`. Later registrations win. */
  route(method: string, path: string, handler: RouteHandler): this {
    const { pattern, names } = compile(path);
    this.routes.unshift({ method: method.toUpperCase(), pattern, names, handler });
    return this;
  }

  /** The next `times` matching requests get this fault instead of (or around) the handler. */
  inject(method: string, path: string, fault: Fault, times = 1): this {
    const { pattern, names } = compile(path);
    this.faults.push({ method: method.toUpperCase(), pattern, names, fault, remaining: times });
    return this;
  }

  /** Requests seen for a method and path pattern. */
  seen(method: string, path: string): RecordedRequest[] {
    const { pattern } = compile(path);
    return this.requests.filter(
      (request) => request.method === method.toUpperCase() && pattern.test(request.path),
    );
  }

  count(method: string, path: string): number {
    return this.seen(method, path).length;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const response of this.hung) response.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    let json: unknown;
    if (String(incoming.headers['content-type'] ?? '').includes('json') && body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
    }
    const method = (incoming.method ?? 'GET').toUpperCase();
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body,
      json,
      params: {},
      at: Date.now(),
    };
    this.requests.push(recorded);

    const fault = this.takeFault(method, url.pathname);
    if (fault?.kind === 'status') {
      sendJson(response, fault.status, fault.body ?? { error: `injected ${fault.status}` }, fault.headers);
      return;
    }
    if (fault?.kind === 'hang') {
      this.hung.push(response);
      return;
    }
    if (fault?.kind === 'drop') {
      response.socket?.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));

    const route = this.routes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(url.pathname),
    );
    if (!route) {
      sendJson(response, 404, { error: `no fake route for ${method} ${url.pathname}` });
      return;
    }
    const match = route.pattern.exec(url.pathname);
    route.names.forEach((name, index) => {
      recorded.params[name] = decodeURIComponent(match?.[index + 1] ?? '');
    });
    if (fault?.kind === 'acceptThenHang') {
      // Let the handler do its work (create the task) against a response that is never sent.
      this.hung.push(response);
      const swallow = Object.assign(Object.create(response) as ServerResponse, {
        writeHead: () => swallow,
        setHeader: () => swallow,
        write: () => true,
        end: () => swallow,
      });
      await route.handler(recorded, swallow);
      return;
    }
    try {
      await route.handler(recorded, response);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: (error as Error).message });
    }
  }

  private takeFault(method: string, path: string): Fault | null {
    const entry = this.faults.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path) && candidate.remaining > 0,
    );
    if (!entry) return null;
    entry.remaining -= 1;
    return entry.fault;
  }
}
