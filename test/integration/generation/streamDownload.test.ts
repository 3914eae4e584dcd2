import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamDownload } from '../../../main/providers/download';
import { FakeServer, streamBytes } from '../../helpers/fakeProviders/fakeServerBase';
import { makeTempDir } from '../../helpers/tempDir';

describe('streamDownload against the fake server base', () => {
  let server: FakeServer;
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    server = await FakeServer.start();
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await server.close();
    await dir.remove();
  });

  const source = (offset: number, length: number) => {
    const buffer = Buffer.alloc(length);
    for (let index = 0; index < length; index += 1) buffer[index] = (offset + index) % 251;
    return buffer;
  };

  it('streams a whole file, then a cut transfer fails retryably and resumes with Range', async () => {
    let cut = true;
    server.route('GET', '/files/:name', (request, response) => {
      const cutAfterBytes = cut ? 300_000 : undefined;
      cut = false;
      streamBytes(response, { totalBytes: 1_000_000, cutAfterBytes, request }, source);
    });
    const destinationFile = join(dir.path, 'out.part');
    const options = {
      url: `${server.url}/files/a.mp4`,
      destinationFile,
      signal: new AbortController().signal,
      provider: 'Fake',
    };
    const failure = await streamDownload(options).catch((error: unknown) => error);
    expect((failure as { code: string }).code).toBe('PROVIDER_UNAVAILABLE');
    expect((failure as { retryable: boolean }).retryable).toBe(true);
    expect((await stat(destinationFile)).size).toBeGreaterThan(0);

    const result = await streamDownload({ ...options, resume: true });
    expect(result.bytes).toBe(1_000_000);
    expect(server.seen('GET', '/files/:name').at(-1)?.headers.range).toMatch(/^bytes=\d+-$/);
    const content = await readFile(destinationFile);
    expect(content.equals(source(0, 1_000_000))).toBe(true);
  });

  it('maps an expired link (403/404) to PROVIDER_OUTPUT_EXPIRED', async () => {
    server.inject('GET', '/files/:name', { kind: 'status', status: 403, body: 'AccessDenied' });
    server.route('GET', '/files/:name', (_request, response) => streamBytes(response, { totalBytes: 10 }));
    const failure = await streamDownload({
      url: `${server.url}/files/b.mp4`,
      destinationFile: join(dir.path, 'b.part'),
      signal: new AbortController().signal,
      provider: 'Fake',
    }).catch((error: unknown) => error);
    expect((failure as { code: string }).code).toBe('PROVIDER_OUTPUT_EXPIRED');
  });

  it('gives up on a stalled transfer after the idle timeout', async () => {
    server.inject('GET', '/files/:name', { kind: 'hang' });
    const started = Date.now();
    const failure = await streamDownload({
      url: `${server.url}/files/c.mp4`,
      destinationFile: join(dir.path, 'c.part'),
      signal: new AbortController().signal,
      provider: 'Fake',
      idleTimeoutMs: 300,
    }).catch((error: unknown) => error);
    expect((failure as { code: string }).code).toBe('PROVIDER_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
