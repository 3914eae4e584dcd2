import { lstat, readdir, realpath, rm } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { AppError, type CacheInfo } from '../../../common/contract';

/** The project's cache/ folder: everything in it can be made again (safe to delete). */
export function cacheFolder(projectFolder: string): string {
  return join(projectFolder, 'cache');
}

/** Bytes and files under a folder, counting links as themselves (never following them). */
async function measure(folder: string): Promise<CacheInfo> {
  let bytes = 0;
  let files = 0;
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = await measure(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      const info = await lstat(path).catch(() => null);
      if (!info) continue;
      bytes += info.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/**
 * The real cache folder, checked to be a folder inside the project (a cache/ that is a link to
 * somewhere else is refused, so clearing never deletes outside the project); null when missing.
 */
async function checkedCacheFolder(projectFolder: string): Promise<string | null> {
  const folder = cacheFolder(projectFolder);
  const info = await lstat(folder).catch(() => null);
  if (!info) return null;
  if (info.isSymbolicLink() || !info.isDirectory()) {
    throw new AppError('FORBIDDEN', `${folder} is not a folder of the project, so Shotloom leaves it alone.`);
  }
  const [realProject, realCache] = await Promise.all([realpath(projectFolder), realpath(folder)]);
  const inside = relative(realProject, realCache);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new AppError('FORBIDDEN', `${folder} lies outside the project, so Shotloom leaves it alone.`);
  }
  return realCache;
}

export async function projectCacheInfo(projectFolder: string): Promise<CacheInfo> {
  const folder = await checkedCacheFolder(projectFolder);
  return folder ? measure(folder) : { bytes: 0, files: 0 };
}

/**
 * Removes everything inside the project's cache/ (the folder itself stays). Entries are removed by
 * name inside the checked folder; links are removed, never followed.
 */
export async function clearProjectCache(
  projectFolder: string,
): Promise<CacheInfo & { removedBytes: number }> {
  const folder = await checkedCacheFolder(projectFolder);
  if (!folder) return { bytes: 0, files: 0, removedBytes: 0 };
  const before = await measure(folder);
  for (const name of await readdir(folder)) {
    await rm(join(folder, name), { recursive: true, force: true, maxRetries: 2 });
  }
  const after = await measure(folder);
  return { ...after, removedBytes: before.bytes - after.bytes };
}
