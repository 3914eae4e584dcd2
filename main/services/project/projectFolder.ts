import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A project is a folder:
 *   project.shotloom   the document (JSON), written atomically
 *   media/             copied media, takes, frame grabs (content-hashed names)
 *   cache/             derived files (proxies, peaks, thumbnails): safe to delete
 *   exports/           finished renders and interchange files
 *   .history/          the last 10 saved versions of project.shotloom
 *   .recovery/         autosave of unsaved changes (autosave.json)
 *   .lock              who has the project open
 */
export const projectFileName = 'project.shotloom';
export const projectSubfolders = ['media', 'cache', 'exports'] as const;
export const historyFolderName = '.history';
export const recoveryFolderName = '.recovery';
export const recoveryFileName = 'autosave.json';
export const lockFileName = '.lock';
export const historyLimit = 10;

export function projectFilePath(folder: string): string {
  return join(folder, projectFileName);
}

export function recoveryFilePath(folder: string): string {
  return join(folder, recoveryFolderName, recoveryFileName);
}

/** A folder, or a `.shotloom` file inside one, to the absolute project folder. */
export function projectFolderOf(pathOrFile: string): string {
  const absolute = resolve(pathOrFile);
  return extname(absolute).toLowerCase() === '.shotloom' ? dirname(absolute) : absolute;
}

/** An asset path as stored (relative with '/', or absolute) to an absolute path. */
export function resolveStoredPath(folder: string, storedPath: string): string {
  return isAbsolute(storedPath) ? storedPath : join(folder, ...storedPath.split('/'));
}

/** An absolute path to how it is stored: relative with '/' inside the folder, absolute outside. */
export function toStoredPath(folder: string, absolutePath: string): string {
  const relativePath = relative(folder, absolutePath);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return absolutePath;
  return relativePath.split(sep).join('/');
}

export function folderDisplayName(folder: string): string {
  return basename(folder);
}
