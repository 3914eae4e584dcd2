import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves one file of the built renderer; paths that leave the folder are refused. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<boolean> {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const full = normalize(join(root, relative));
  if (!full.startsWith(normalize(root) + sep)) return false;
  try {
    const info = await stat(full);
    if (!info.isFile()) return false;
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(full)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    createReadStream(full).pipe(response);
    return true;
  } catch {
    return false;
  }
}
