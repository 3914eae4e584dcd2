import { fileURLToPath } from 'node:url';
import { relative, isAbsolute } from 'node:path';

/** Same scheme, host and port; ws(s) counts as the same origin as http(s) (Vite's dev socket). */
function sameOrigin(a: URL, b: URL): boolean {
  const scheme = (url: URL): string => url.protocol.replace(/^ws/, 'http');
  return scheme(a) === scheme(b) && a.hostname === b.hostname && a.port === b.port;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is on the dev server (development only). Compares origins, never prefixes. */
export function isDevServerUrl(url: string, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false;
  const target = parse(url);
  const server = parse(devServerUrl);
  return target !== null && server !== null && sameOrigin(target, server);
}

/**
 * The app's own pages: the built renderer on file:// (inside `rendererRoot`, when given) or the
 * dev server in development. Anything else is foreign.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererRoot?: string): boolean {
  if (isDevServerUrl(url, devServerUrl)) return true;
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) {
    return false;
  }
  if (rendererRoot === undefined) return true;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const inside = relative(rendererRoot, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Whether the app's session may make a network request to `url`: never, except to the dev server
 * in development. Provider calls run in the main process on Node's own HTTP stack, not the session.
 */
export function isSessionRequestAllowed(url: string, devServerUrl: string | undefined): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return isDevServerUrl(url, devServerUrl);
}
