import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LumaAdapter } from '../../../main/providers/luma/lumaAdapter';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { startFakeLuma, type FakeLuma } from '../../helpers/fakeProviders/luma';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = 'luma-test-key-0123456789abcdef';
let server: FakeServer;
let luma: FakeLuma;
let dir: { path: string; remove: () => Promise<void> };
const adapter = new LumaAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-luma-');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, luma } = await startFakeLuma(apiKey));
});
afterEach(async () => {
  await server.close();
});

function context(overrides: { apiKey?: string; createTimeoutMs?: number } = {}) {
  return testContext({
    apiKey: overrides.apiKey ?? apiKey,
    baseUrl: luma.baseUrl,
    workDir: dir.path,
    ...(overrides.createTimeoutMs ? { createTimeoutMs: overrides.createTimeoutMs } : {}),
  });
}

async function pollToEnd(taskId: string): Promise<{ final: PollResult; states: string[] }> {
  const states: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const result = await adapter.poll(taskId, context());
    states.push(result.status);
    if (result.status !== 'queued' && result.status !== 'running') return { final: result, states };
  }
  throw new Error('the generation never finished');
}

describe('Luma Dream Machine adapter against a fake', () => {
  it('text to video: queued → dreaming → completed, then the CDN download', async () => {
    const { taskId } = await adapter.create(
      baseRequest('luma', 'ray-2', {
        durationSeconds: 5,
        ratio: '21:9',
        options: { resolution: '1080p', loop: true },
      }),
      context(),
    );
    expect(luma.generations.get(taskId)?.body).toEqual({
      model: 'ray-2',
      prompt: baseRequest('luma', 'ray-2').prompt,
      aspect_ratio: '21:9',
      duration: '5s',
      resolution: '1080p',
      loop: true,
    });
    const { final, states } = await pollToEnd(taskId);
    expect(states).toEqual(['queued', 'running', 'succeeded']);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const file = join(dir.path, 'luma.mp4');
    expect((await adapter.download(final.outputs[0]!, file, context())).bytes).toBe(luma.contentBytes);
    expect((await stat(file)).size).toBe(luma.contentBytes);
    // CDN links are fetched without the key.
    expect(server.seen('GET', '/cdn/:file')[0]?.headers.authorization).toBeUndefined();
    expect(luma.violations).toEqual([]);
  });

  it('keyframes: frame0 + frame1 images for first + last, frame0 generation for extend', async () => {
    const first = await stillMedia(dir.path, 640, 360, 'luma-first.png');
    const last = await stillMedia(dir.path, 640, 360, 'luma-last.png');
    const { taskId } = await adapter.create(
      baseRequest('luma', 'ray-flash-2', {
        mode: 'firstLastFrame',
        durationSeconds: 9,
        keyframes: { first, middle: null, last },
      }),
      context(),
    );
    const keyframes = luma.generations.get(taskId)?.body.keyframes;
    expect(keyframes?.frame0).toEqual({
      type: 'image',
      url: `data:image/png;base64,${(await readFile(first.path)).toString('base64')}`,
    });
    expect(keyframes?.frame1).toEqual({
      type: 'image',
      url: `data:image/png;base64,${(await readFile(last.path)).toString('base64')}`,
    });

    const published = new LumaAdapter({
      publishImage: async (media) => `https://images.example/${media.path.split('/').pop()}`,
    });
    const hosted = await published.create(
      baseRequest('luma', 'ray-2', {
        mode: 'imageToVideo',
        durationSeconds: 5,
        keyframes: { first, middle: null, last: null },
      }),
      context(),
    );
    expect(luma.generations.get(hosted.taskId)?.body.keyframes).toEqual({
      frame0: { type: 'image', url: 'https://images.example/luma-first.png' },
    });

    const extend = await adapter.create(
      baseRequest('luma', 'ray-2', {
        mode: 'extend',
        durationSeconds: 5,
        options: { sourceGenerationId: taskId },
      }),
      context(),
    );
    expect(luma.generations.get(extend.taskId)?.body.keyframes).toEqual({
      frame0: { type: 'generation', id: taskId },
    });
    expect(luma.violations).toEqual([]);
  });

  it('says the shot’s camera direction in words', async () => {
    const { taskId } = await adapter.create(
      baseRequest('luma', 'ray-2', {
        durationSeconds: 5,
        prompt: 'A desert road',
        cameraDirection: 'dollyIn',
      }),
      context(),
    );
    expect(luma.generations.get(taskId)?.body.prompt).toBe('A desert road. Camera: slow dolly in.');
  });

  it('refuses what the Dream Machine API cannot do, before any request', async () => {
    expect(
      (await rejectionOf(adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 8 }), context())))
        .code,
    ).toBe('CAPABILITY_UNSUPPORTED');
    expect(
      (
        await rejectionOf(
          adapter.create(
            baseRequest('luma', 'ray-2', { mode: 'referenceImages', durationSeconds: 5 }),
            context(),
          ),
        )
      ).code,
    ).toBe('CAPABILITY_UNSUPPORTED');
    expect(
      (await rejectionOf(adapter.create(baseRequest('luma', 'ray-3', { durationSeconds: 5 }), context())))
        .code,
    ).toBe('CAPABILITY_UNSUPPORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('400, 401, 404 retired, 429 with Retry-After and 5xx are classified; the key never leaks', async () => {
    server.inject('POST', '/dream-machine/v1/generations/video', {
      kind: 'status',
      status: 400,
      body: { detail: 'Prompt is too long' },
    });
    const bad = await rejectionOf(
      adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context()),
    );
    expect(bad.code).toBe('PROVIDER_BAD_REQUEST');
    expect(bad.message).toContain('Prompt is too long');

    const wrongKey = 'luma-wrong-key-must-not-leak-5';
    const auth = await rejectionOf(
      adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context({ apiKey: wrongKey })),
    );
    expect(auth.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: auth.message, d: auth.detail })).not.toContain(wrongKey);
    expect((await adapter.testKey(context({ apiKey: wrongKey }))).ok).toBe(false);
    expect((await adapter.testKey(context())).detail).toContain('12345');

    server.inject('POST', '/dream-machine/v1/generations/video', {
      kind: 'status',
      status: 410,
      body: { detail: 'Model ray-1-6 has been retired' },
    });
    expect(
      (await rejectionOf(adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context())))
        .code,
    ).toBe('PROVIDER_MODEL_RETIRED');

    server.inject('POST', '/dream-machine/v1/generations/video', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '20' },
      body: { detail: 'Too many concurrent generations' },
    });
    expect(
      await rejectionOf(adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context())),
    ).toMatchObject({
      code: 'PROVIDER_RATE_LIMITED',
      retryAfterMs: 20_000,
      retryable: true,
    });

    const { taskId } = await adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context());
    server.inject('GET', '/dream-machine/v1/generations/:id', {
      kind: 'status',
      status: 502,
      body: { detail: 'bad gateway' },
    });
    expect(await rejectionOf(adapter.poll(taskId, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    // 400, 401, 410, 429 and one success: no create was repeated by the SDK.
    expect(luma.createCount).toBe(5);
  });

  it('moderation failure is not retryable; other failures are offered again', async () => {
    luma.next = {
      pollsBeforeDone: 1,
      outcome: {
        kind: 'failed',
        reason: 'Prompt not allowed because it violates the content moderation policy',
      },
    };
    const { taskId } = await adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_MODERATION',
      moderation: true,
      retryable: false,
    });

    luma.next = { pollsBeforeDone: 0, outcome: { kind: 'failed', reason: 'Internal generation error' } };
    const other = await adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context());
    const { final: failed } = await pollToEnd(other.taskId);
    expect(failed.status === 'failed' && failed.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      retryable: true,
    });
  });

  it('timeout after the server accepted the create: uncertain, one create seen', async () => {
    server.inject('POST', '/dream-machine/v1/generations/video', { kind: 'acceptThenHang' });
    const error = await rejectionOf(
      adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context({ createTimeoutMs: 300 })),
    );
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(luma.createCount).toBe(1);
    expect(luma.generations.size).toBe(1);
  });

  it('an expired CDN link and a download cut mid-way', async () => {
    luma.next = { pollsBeforeDone: 0, outcome: { kind: 'completed' } };
    luma.contentBytes = 300_000;
    const { taskId } = await adapter.create(baseRequest('luma', 'ray-2', { durationSeconds: 5 }), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;
    const file = join(dir.path, 'luma-cut.mp4');
    luma.cutDownloadsAfter = 100_000;
    expect(await rejectionOf(adapter.download(output, file, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    luma.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);
    luma.expiredAssets.add(taskId);
    expect(
      (await rejectionOf(adapter.download(output, join(dir.path, 'luma-expired.mp4'), context()))).code,
    ).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
