import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadStore } from '../../../main/services/media/uploadStore';
import { makeTempDir } from '../../helpers/tempDir';

describe('UploadStore', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir('shotloom-uploads-');
  });
  afterEach(async () => dir.remove());

  it('streams an upload to disk and hands it over once', async () => {
    const store = new UploadStore(dir.path, 1000);
    const file = await store.receive(
      Readable.from([Buffer.from('abc'), Buffer.from('def')]),
      'clip: one.mp4',
      null,
    );
    expect(file.id).toMatch(/^up_[0-9a-f]{32}$/);
    expect(file.sizeBytes).toBe(6);
    expect(await readFile(file.path, 'utf8')).toBe('abcdef');
    expect(store.take(file.id)?.name).toBe('clip: one.mp4');
    expect(store.take(file.id)).toBeNull();
  });

  it('stops an upload that grows past the limit without a Content-Length, and removes the part', async () => {
    const store = new UploadStore(dir.path, 10);
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(4, 1));
    await expect(store.receive(Readable.from(chunks), 'big.wav', null)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/larger than the upload limit/),
    });
    expect(await readdir(dir.path)).toEqual([]);
    await expect(store.receive(Readable.from([]), 'declared.wav', 11)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('sweeps uploads left behind for more than an hour', async () => {
    const store = new UploadStore(dir.path, 1000);
    const stale = join(dir.path, `up_${'a'.repeat(32)}-old.wav`);
    await writeFile(stale, 'old');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    const fresh = await store.receive(Readable.from([Buffer.from('new')]), 'new.wav', null);
    expect(await readdir(dir.path)).toEqual([fresh.path.slice(dir.path.length + 1)]);
  });
});
