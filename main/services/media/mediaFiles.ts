import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../../../common/contract';

/**
 * Where media and the files derived from it live in a project folder, and small file helpers:
 *   media/<hash12>-<name>          copied imports, uploads, frame grabs
 *   cache/probe/                    probe results and keyframe lists (by path + size + mtime)
 *   cache/media/<contentHash>/      thumbnail.jpg, filmstrip-<n>x<h>.jpg, peaks.bin, proxy.mp4
 */
export function mediaFolder(projectFolder: string): string {
  return join(projectFolder, 'media');
}

export function probeCacheFolder(projectFolder: string): string {
  return join(projectFolder, 'cache', 'probe');
}

export function derivedFolder(projectFolder: string, contentHash: string): string {
  return join(projectFolder, 'cache', 'media', contentHash);
}

/** The sha256 of a file's content, streamed (constant memory), hex. */
export function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new AppError('FILE_NOT_FOUND', `The file ${path} does not exist.`));
      else if (error.code === 'EACCES' || error.code === 'EPERM')
        reject(new AppError('FILE_UNREADABLE', `Shotloom may not read ${path}.`));
      else if (error.name === 'AbortError') reject(new AppError('CANCELLED', 'Cancelled.'));
      else reject(new AppError('FILE_UNREADABLE', `${path} could not be read.`, error.message));
    });
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/** A name safe in any file system: no separators, control characters or reserved characters. */
export function safeFileName(name: string, fallback = 'media'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/./gu, (character) => ((character.codePointAt(0) ?? 0) < 32 ? '_' : character))
    .replace(/^[.\s-]+/, '')
    .trim();
  const limited = cleaned.length > 120 ? cleaned.slice(0, 100) + extname(cleaned).slice(0, 20) : cleaned;
  return limited || fallback;
}

/** The name of a copied file in media/: the hash prefix keeps names unique, the rest stays readable. */
export function copiedFileName(contentHash: string, originalName: string): string {
  return `${contentHash.slice(0, 12)}-${safeFileName(originalName)}`;
}
