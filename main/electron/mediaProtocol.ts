import { Readable } from 'node:stream';
import { protocol, type Protocol } from 'electron';
import { mediaScheme } from '../../common/contract';
import { answerFile } from '../services/media/byteRange';
import {
  parseVariant,
  resolveMediaFile,
  statusForError,
  type DerivedFiles,
} from '../services/media/mediaResolver';
import type { ProjectAccess } from '../services/project/projectAccess';

export interface MediaProtocolDeps {
  projects: ProjectAccess;
  derived: DerivedFiles;
}

/**
 * `shotloom-media` as a privileged scheme: standard (real URLs), secure, fetchable and streamable
 * so `<video>` can seek through Range requests. Must run before the app is ready.
 */
export function registerMediaScheme(api: Pick<Protocol, 'registerSchemesAsPrivileged'> = protocol): void {
  api.registerSchemesAsPrivileged([
    {
      scheme: mediaScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, bypassCSP: false },
    },
  ]);
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one `shotloom-media://asset/<assetId>[/<variant>]` request with the same resolution and
 * Range logic as the browser host's route: asset ids of the open project only, real paths checked,
 * 206 with Content-Range, 416 for unsatisfiable ranges.
 */
export async function answerMediaRequest(request: Request, deps: MediaProtocolDeps): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'asset') return textResponse(404, 'Not found');
  const [rawId = '', ...rest] = url.pathname.replace(/^\/+/, '').split('/');
  let assetId: string;
  try {
    assetId = decodeURIComponent(rawId);
  } catch {
    return textResponse(404, 'Not found');
  }
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');
  try {
    const file = await resolveMediaFile(
      deps.projects,
      deps.derived,
      assetId,
      parseVariant(rest.join('/'), url.searchParams),
    );
    const answer = answerFile(file, request.headers.get('range'), method);
    const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  } catch (error) {
    const status = statusForError(error);
    return textResponse(status, status === 500 ? 'Internal error' : (error as Error).message);
  }
}

/** Serves the media scheme for the session's protocol (call once the app is ready). */
export function handleMediaProtocol(deps: MediaProtocolDeps, api: Pick<Protocol, 'handle'> = protocol): void {
  api.handle(mediaScheme, (request) => answerMediaRequest(request, deps));
}
