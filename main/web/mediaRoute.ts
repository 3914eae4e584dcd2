import type { IncomingMessage, ServerResponse } from 'node:http';
import { webMediaPath } from '../../common/contract';
import { answerFile } from '../services/media/byteRange';
import {
  parseVariant,
  resolveMediaFile,
  statusForError,
  type DerivedFiles,
} from '../services/media/mediaResolver';
import type { UploadStore } from '../services/media/uploadStore';
import type { ProjectAccess } from '../services/project/projectAccess';
import { uploadRoute } from './uploadRoute';
import type { WebRoute } from './webHost';

export interface MediaRouteDeps {
  projects: ProjectAccess;
  derived: DerivedFiles;
}

function plain(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(message);
}

/** `/media/<assetId>[/<variant>]` split into the id and the rest; null when it is not a media URL. */
export function splitMediaPath(pathname: string): { assetId: string; rest: string } | null {
  if (!pathname.startsWith(webMediaPath)) return null;
  const tail = pathname.slice(webMediaPath.length);
  const slash = tail.indexOf('/');
  const rawId = slash < 0 ? tail : tail.slice(0, slash);
  let assetId: string;
  try {
    assetId = decodeURIComponent(rawId);
  } catch {
    assetId = '';
  }
  return { assetId, rest: slash < 0 ? '' : tail.slice(slash + 1) };
}

/**
 * The browser host's media route: GET/HEAD `/media/<assetId>` (the original), `/thumbnail`,
 * `/filmstrip/<n>x<h>` and `/proxy`, by asset id of the open project only, with Range → 206,
 * 416 for unsatisfiable ranges, and the file's Content-Type. The web host has already checked the
 * Host header and the token.
 */
export function mediaRoute(deps: MediaRouteDeps): WebRoute {
  return async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const parts = splitMediaPath(url.pathname);
    if (!parts) return false;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      plain(response, 405, 'Method not allowed');
      return true;
    }
    let file;
    try {
      file = await resolveMediaFile(
        deps.projects,
        deps.derived,
        parts.assetId,
        parseVariant(parts.rest, url.searchParams),
      );
    } catch (error) {
      const status = statusForError(error);
      plain(response, status, status === 500 ? 'Internal error' : (error as Error).message);
      return true;
    }
    const answer = answerFile(file, request.headers.range, method);
    response.writeHead(answer.status, answer.headers);
    if (!answer.body) {
      response.end();
      return true;
    }
    answer.body.on('error', () => response.destroy());
    response.on('close', () => answer.body?.destroy());
    answer.body.pipe(response);
    return true;
  };
}

/** The browser host's media routes for a core: uploads, then media by asset id. */
export function browserMediaRoutes(core: {
  projects: ProjectAccess;
  media: DerivedFiles;
  uploads: UploadStore;
}): WebRoute[] {
  return [uploadRoute(core.uploads), mediaRoute({ projects: core.projects, derived: core.media })];
}
