import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { webTokenCookie } from '../../common/contract';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Who may talk to the browser host: requests whose Host names this loopback port, that carry the
 * per-launch token (in the query or the cookie set from it), and for WebSocket upgrades, whose
 * Origin is this same host.
 */
export class AccessGuard {
  constructor(
    readonly token: string,
    private port: number,
  ) {}

  setPort(port: number): void {
    this.port = port;
  }

  allowedHosts(): string[] {
    return [`127.0.0.1:${this.port}`, `localhost:${this.port}`, `[::1]:${this.port}`];
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.allowedHosts().includes((request.headers.host ?? '').toLowerCase());
  }

  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return false;
    return this.allowedHosts().some((host) => origin.toLowerCase() === `http://${host}`);
  }

  /** The token from `?token=` when present, else from the cookie. */
  tokenOf(request: IncomingMessage): string | undefined {
    const url = new URL(request.url ?? '/', 'http://localhost');
    return url.searchParams.get('token') ?? cookieValue(request, webTokenCookie);
  }

  tokenValid(request: IncomingMessage): boolean {
    return sameToken(this.tokenOf(request), this.token);
  }

  sessionCookie(): string {
    return `${webTokenCookie}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
