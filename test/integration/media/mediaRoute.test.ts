import { readFile, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import { UploadStore } from '../../../main/services/media/uploadStore';
import { uploadRoute } from '../../../main/web/uploadRoute';
import { makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';
import { startTestWebHost, type RunningWebHost } from '../../helpers/webHostFixture';

describe('browser host media route (Range requests by asset id) and uploads', () => {
  let web: RunningWebHost;
  let scratch: { path: string; remove: () => Promise<void> };
  let clipPath: string;
  let clip: Asset;
  let copied: Asset;
  const base = (): string => `http://127.0.0.1:${web.host.port}`;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${base()}${path}${path.includes('?') ? '&' : '?'}token=${web.host.token}`, { headers, method });

  beforeAll(async () => {
    scratch = await makeTempDir('shotloom-route-');
    web = await startTestWebHost({
      // A store with a small limit, for the size test only.
      routes: [uploadRoute(new UploadStore(join(scratch.path, 'uploads'), 200_000), '/upload-small')],
    });
    const invoke = async (channel: string, request: unknown): Promise<unknown> => {
      const result = await web.core.invoke(channel, request, { host: 'cli' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    await invoke('project:new', {
      name: 'Route test',
      location: { kind: 'path', folder: join(scratch.path, 'project') },
    });
    clipPath = await makeVideoClip(scratch.path, { frames: 48, name: 'seek me.mp4' });
    const linked = (await invoke('media:import', { source: { kind: 'paths', paths: [clipPath] } })) as {
      assets: Asset[];
    };
    clip = linked.assets[0] as Asset;
    const wav = await makeAudioFile(scratch.path, { seconds: 0.5, name: 'copied.wav' });
    const result = (await invoke('media:import', {
      source: { kind: 'paths', paths: [wav] },
      storage: 'copy',
    })) as {
      assets: Asset[];
    };
    copied = result.assets[0] as Asset;
  });
  afterAll(async () => {
    await web.core.media.settled();
    await web.stop();
    await scratch.remove();
  });

  it('serves the whole file with its type, and byte ranges as 206 with Content-Range', async () => {
    const bytes = await readFile(clipPath);
    const whole = await get(`/media/${clip.id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const head = await get(`/media/${clip.id}`, { Range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`);
    expect(Buffer.from(await head.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const middle = Math.floor(bytes.length / 2);
    const seek = await get(`/media/${clip.id}`, { Range: `bytes=${middle}-` });
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe(`bytes ${middle}-${bytes.length - 1}/${bytes.length}`);
    expect(Number(seek.headers.get('content-length'))).toBe(bytes.length - middle);
    expect(Buffer.from(await seek.arrayBuffer()).equals(bytes.subarray(middle))).toBe(true);

    const suffix = await get(`/media/${clip.id}`, { Range: 'bytes=-500' });
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${bytes.length - 500}-${bytes.length - 1}/${bytes.length}`,
    );

    const beyond = await get(`/media/${clip.id}`, { Range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);

    const onlyHead = await get(`/media/${clip.id}`, {}, 'HEAD');
    expect(onlyHead.status).toBe(200);
    expect(onlyHead.headers.get('content-length')).toBe(String(bytes.length));

    const wav = await get(`/media/${copied.id}`, { Range: 'bytes=0-3' });
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await wav.arrayBuffer()).toString()).toBe('RIFF');
  });

  it('makes and serves thumbnails and filmstrips as JPEG', async () => {
    for (const path of [
      `/media/${clip.id}/thumbnail`,
      `/media/${clip.id}?thumb=1`,
      `/media/${clip.id}/filmstrip/5x40`,
    ]) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/jpeg');
      expect(
        Buffer.from(await answer.arrayBuffer())
          .subarray(0, 2)
          .toString('hex'),
      ).toBe('ffd8');
    }
    expect((await get(`/media/${clip.id}/nonsense`)).status).toBe(404);
  });

  it('refuses unknown ids, traversal, files leaving the project and requests without the token', async () => {
    expect((await get('/media/ast_0000000000000000')).status).toBe(404);
    expect((await get('/media/..%2F..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('/media/%2e%2e%2fproject.shotloom')).status).toBe(404);
    expect((await get(`/media/${clip.id}%00`)).status).toBe(404);
    expect((await fetch(`${base()}/media/${clip.id}`)).status).toBe(401);
    expect((await get(`/media/${clip.id}`, {}, 'DELETE')).status).toBe(405);

    // A copied file replaced by a symlink that leads out of the project.
    const copiedFile = join(web.core.projects.current().folder, copied.path);
    const original = await readFile(copiedFile);
    await rm(copiedFile);
    await symlink('/etc/passwd', copiedFile);
    const escaped = await get(`/media/${copied.id}`);
    expect(escaped.status).toBe(403);
    expect(await escaped.text()).not.toContain('root:');
    await rm(copiedFile);
    await import('node:fs/promises').then(({ writeFile }) => writeFile(copiedFile, original));
    expect((await get(`/media/${copied.id}`)).status).toBe(200);

    // A doctored document pointing a linked asset at a file that is not media.
    web.core.projects.current().update(
      (document) => ({
        ...document,
        assets: { ...document.assets, [clip.id]: { ...clip, path: '/etc/passwd' } },
      }),
      'Doctor the path',
    );
    expect((await get(`/media/${clip.id}`)).status).toBe(403);
    web.core.projects
      .current()
      .update(
        (document) => ({ ...document, assets: { ...document.assets, [clip.id]: clip } }),
        'Restore the path',
      );
    expect((await get(`/media/${clip.id}`)).status).toBe(200);

    // Deleted after import: 404, not a crash.
    await rm(clipPath);
    expect((await get(`/media/${clip.id}`)).status).toBe(404);
  });

  it('takes uploads (streamed, size-limited) and imports them by id', async () => {
    const wav = await makeAudioFile(scratch.path, { seconds: 0.25, name: 'upload me.wav' });
    const body = await readFile(wav);
    const post = (name: string, headers: Record<string, string>, data: Buffer, path = '/upload') =>
      fetch(`${base()}${path}?name=${encodeURIComponent(name)}&token=${web.host.token}`, {
        method: 'POST',
        headers,
        body: new Uint8Array(data),
      });
    const refused = await post('upload me.wav', {}, body);
    expect(refused.status).toBe(403);
    const foreign = await post(
      'upload me.wav',
      { 'x-shotloom-upload': '1', Origin: 'http://evil.example' },
      body,
    );
    expect(foreign.status).toBe(403);
    const tooBig = await post(
      'big.wav',
      { 'x-shotloom-upload': '1' },
      Buffer.alloc(300_000),
      '/upload-small',
    );
    expect(tooBig.status).toBe(413);
    const accepted = await post('upload me.wav', { 'x-shotloom-upload': '1' }, body);
    expect(accepted.status).toBe(200);
    const { value } = (await accepted.json()) as { value: { id: string; sizeBytes: number } };
    expect(value.sizeBytes).toBe(body.length);
    const imported = await web.core.invoke(
      'media:import',
      { source: { kind: 'uploads', uploadIds: [value.id, `up_${'0'.repeat(32)}`] } },
      { host: 'web' },
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const value2 = imported.value as ImportResult;
    const asset = value2.assets[0];
    expect(asset?.name).toBe('upload me.wav');
    expect(asset?.storage).toBe('copied');
    expect((await stat(join(web.core.projects.current().folder, asset?.path ?? ''))).size).toBe(body.length);
    expect(value2.failed.map((failure) => failure.error.code)).toEqual(['NOT_FOUND']);
  });
});
