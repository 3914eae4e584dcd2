import { realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';
import { AppError } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import { idSchema } from '../../../common/model';
import type { ProjectAccess } from '../project/projectAccess';
import { mediaContentType } from '../../../common/media/mediaTypes';

/** A file the media route / protocol may send. */
export interface ServableFile {
  path: string;
  size: number;
  contentType: string;
}

/** What a media URL names: the original, or a derived picture made on demand. */
export type MediaVariant =
  | { kind: 'original' }
  | { kind: 'thumbnail' }
  | { kind: 'filmstrip'; frames: number; frameHeight: number }
  | { kind: 'proxy' };

/** Makes (or finds) derived files; the media service implements it. */
export interface DerivedFiles {
  thumbnailPath(asset: Asset): Promise<string>;
  filmstripPath(asset: Asset, frames: number, frameHeight: number): Promise<string>;
  /** The proxy when one exists, else null (the original is served). */
  proxyPath(asset: Asset): Promise<string | null>;
}

/**
 * Reads a media URL's path after the asset id (`''`, `thumbnail`, `filmstrip/10x54`, `proxy`) and the
 * renderer's older `?thumb=1` query. Unknown variants are NOT_FOUND.
 */
export function parseVariant(rest: string, query: URLSearchParams): MediaVariant {
  if (query.get('thumb') === '1') return { kind: 'thumbnail' };
  const clean = rest.replace(/^\/+|\/+$/g, '');
  if (clean === '') return { kind: 'original' };
  if (clean === 'thumbnail') return { kind: 'thumbnail' };
  if (clean === 'proxy') return { kind: 'proxy' };
  const strip = /^filmstrip(?:\/(\d{1,2})x(\d{2,3}))?$/.exec(clean);
  if (strip) {
    const frames = Number(strip[1] ?? 10);
    const frameHeight = Number(strip[2] ?? 54);
    if (frames >= 1 && frames <= 60 && frameHeight >= 16 && frameHeight <= 360)
      return { kind: 'filmstrip', frames, frameHeight };
  }
  throw new AppError('NOT_FOUND', 'There is no such media variant.');
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

async function realOrMissing(path: string, asset: Asset): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    throw new AppError('MEDIA_MISSING', `The file of ${asset.name} is missing.`);
  }
}

/**
 * Resolves an asset id (and variant) to a file, inside the open project only. The id must be an
 * asset of the open project; real paths are used (symlinks resolved). A copied asset or a derived
 * file must really lie inside the project folder; a linked asset must still be a media file of the
 * size it had when imported (so a doctored project file cannot turn the route into a file reader).
 */
export async function resolveMediaFile(
  projects: ProjectAccess,
  derived: DerivedFiles,
  assetId: string,
  variant: MediaVariant,
): Promise<ServableFile> {
  if (!idSchema.safeParse(assetId).success) throw new AppError('NOT_FOUND', 'There is no such asset.');
  const project = projects.currentOrNull();
  const asset = project?.document.assets[assetId];
  if (!project || !asset) throw new AppError('NOT_FOUND', 'There is no such asset in the open project.');
  const projectReal = await realpath(project.folder);

  if (variant.kind === 'thumbnail' || variant.kind === 'filmstrip') {
    const made =
      variant.kind === 'thumbnail'
        ? await derived.thumbnailPath(asset)
        : await derived.filmstripPath(asset, variant.frames, variant.frameHeight);
    const real = await realOrMissing(made, asset);
    if (!inside(projectReal, real)) throw new AppError('FORBIDDEN', 'That file is outside the project.');
    return { path: real, size: (await stat(real)).size, contentType: 'image/jpeg' };
  }
  if (variant.kind === 'proxy') {
    const proxy = await derived.proxyPath(asset);
    if (proxy) {
      const real = await realOrMissing(proxy, asset);
      if (!inside(projectReal, real)) throw new AppError('FORBIDDEN', 'That file is outside the project.');
      return { path: real, size: (await stat(real)).size, contentType: 'video/mp4' };
    }
  }

  const real = await realOrMissing(project.resolvePath(asset.path), asset);
  const contentType = mediaContentType(real) ?? mediaContentType(asset.path);
  if (!contentType) throw new AppError('FORBIDDEN', 'Only media files are served.');
  const info = await stat(real);
  if (!info.isFile()) throw new AppError('FORBIDDEN', 'Only files are served.');
  const storedInside = !isAbsolute(asset.path);
  if ((storedInside || asset.storage === 'copied') && !inside(projectReal, real))
    throw new AppError('FORBIDDEN', 'That file is outside the project.');
  if (info.size !== asset.media.sizeBytes)
    throw new AppError('CONFLICT', `The file of ${asset.name} changed on disk since it was imported.`);
  return { path: real, size: info.size, contentType };
}

/** The HTTP status for a resolution error. */
export function statusForError(error: unknown): number {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  if (code === 'NOT_FOUND' || code === 'MEDIA_MISSING' || code === 'PROJECT_NOT_OPEN') return 404;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'CONFLICT') return 409;
  if (code === 'MEDIA_UNSUPPORTED') return 415;
  return 500;
}
