import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, toErrorShape } from '../../common/contract';
import type { UploadStore } from '../services/media/uploadStore';
import type { WebRoute } from './webHost';

export const uploadPath = '/upload';
/** Browsers cannot send this header cross-site without a CORS preflight, which this host never allows. */
export const uploadHeader = 'x-shotloom-upload';

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' });
  response.end(JSON.stringify(body));
}

function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser cross-site request (browsers always send Origin on POST)
  return origin.toLowerCase() === `http://${(request.headers.host ?? '').toLowerCase()}`;
}

/**
 * `POST /upload?name=<file name>` with the file as the raw body: streamed to the upload store (size
 * limited), answered `{ ok, value: { id, name, sizeBytes } }`; the id then goes to media:import
 * `{ kind: 'uploads' }`. On top of the web host's Host and token checks it wants the custom header
 * and a same-origin Origin.
 */
export function uploadRoute(uploads: UploadStore, path = uploadPath): WebRoute {
  return async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.pathname !== path) return false;
    if (request.method !== 'POST' && request.method !== 'PUT') {
      json(response, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'Use POST.' } });
      return true;
    }
    if (request.headers[uploadHeader] !== '1' || !sameOrigin(request)) {
      json(response, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Uploads come from the app only.' },
      });
      return true;
    }
    const name = url.searchParams.get('name') ?? '';
    const length = request.headers['content-length'];
    try {
      if (!name || name.length > 255 || /[/\\]/.test(name))
        throw new AppError('BAD_REQUEST', 'Give the file name (without folders) as ?name=.');
      const uploaded = await uploads.receive(request, name, length === undefined ? null : Number(length));
      json(response, 200, {
        ok: true,
        value: { id: uploaded.id, name: uploaded.name, sizeBytes: uploaded.sizeBytes },
      });
    } catch (error) {
      const shape = toErrorShape(error);
      json(response, shape.code === 'BAD_REQUEST' ? (/larger/.test(shape.message) ? 413 : 400) : 500, {
        ok: false,
        error: shape,
      });
      if (!request.readableEnded) request.destroy();
    }
    return true;
  };
}
