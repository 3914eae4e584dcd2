import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../common/contract';
import { safeFileName } from './mediaFiles';

export interface UploadedFile {
  id: string;
  name: string;
  path: string;
  sizeBytes: number;
}

/** 8 GiB: larger uploads are refused while they stream, before the disk fills. */
export const defaultUploadLimitBytes = 8 * 1024 * 1024 * 1024;
const uploadLifetimeMs = 60 * 60 * 1000;

/**
 * Files uploaded by the browser host, waiting for `media:import { kind: 'uploads' }`: streamed to a
 * temporary folder in the data dir (never held in memory), refused past a size limit, named by an
 * unguessable id, taken once, and swept after an hour.
 */
export class UploadStore {
  private readonly files = new Map<string, UploadedFile & { at: number }>();

  constructor(
    private readonly folder: string,
    readonly limitBytes = defaultUploadLimitBytes,
  ) {}

  /** Streams one upload to disk. PAYLOAD too large → BAD_REQUEST, and the partial file is removed. */
  async receive(body: Readable, originalName: string, declaredLength: number | null): Promise<UploadedFile> {
    if (declaredLength !== null && declaredLength > this.limitBytes)
      throw new AppError(
        'BAD_REQUEST',
        `The file is larger than the upload limit of ${this.limitBytes} bytes.`,
      );
    await mkdir(this.folder, { recursive: true });
    await this.sweep();
    const id = `up_${randomBytes(16).toString('hex')}`;
    const name = safeFileName(originalName, 'upload');
    const path = join(this.folder, `${id}-${name}`);
    let received = 0;
    const limit = this.limitBytes;
    const counter = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        received += chunk.length;
        if (received > limit)
          throw new AppError('BAD_REQUEST', `The file is larger than the upload limit of ${limit} bytes.`);
        yield chunk;
      }
    };
    const file = createWriteStream(path, { flags: 'wx' });
    try {
      await pipeline(body, counter, file);
    } catch (error) {
      // The file opens asynchronously: wait until it is closed, or it may appear after the rm.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await rm(path, { force: true });
      if (error instanceof AppError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw new AppError('DISK_FULL', 'The disk is full: the upload was not kept.');
      throw new AppError('BAD_REQUEST', 'The upload was interrupted.', String(error));
    }
    const upload = {
      id,
      name: originalName.slice(0, 255) || name,
      path,
      sizeBytes: received,
      at: Date.now(),
    };
    this.files.set(id, upload);
    return { id, name: upload.name, path, sizeBytes: received };
  }

  /** Hands an upload over (once); null when the id is unknown or expired. */
  take(id: string): UploadedFile | null {
    const file = this.files.get(id);
    if (!file) return null;
    this.files.delete(id);
    return { id: file.id, name: file.name, path: file.path, sizeBytes: file.sizeBytes };
  }

  /** Removes uploads older than an hour (and files left by an earlier run). */
  async sweep(now = Date.now()): Promise<void> {
    for (const [id, file] of this.files) {
      if (now - file.at > uploadLifetimeMs) {
        this.files.delete(id);
        await rm(file.path, { force: true });
      }
    }
    const names = await readdir(this.folder).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.slice(0, 35);
      if (this.files.has(id)) continue;
      const info = await stat(join(this.folder, name)).catch(() => null);
      if (info && now - info.mtimeMs > uploadLifetimeMs) await rm(join(this.folder, name), { force: true });
    }
  }
}
