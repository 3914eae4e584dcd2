import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateAdapter } from '../../../main/providers/replicate/replicateAdapter';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { startFakeReplicate, type FakeReplicate } from '../../helpers/fakeProviders/replicate';
import { makeTempDir } from '../../helpers/tempDir';

const token = 'r8_test_token_0123456789abcdef';
let server: FakeServer;
let replicate: FakeReplicate;
let dir: { path: string; remove: () => Promise<void> };
const adapter = new ReplicateAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-replicate-');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, replicate } = await startFakeReplicate(token));
});
afterEach(async () => {
  await server.close();
});

function context(overrides: { apiKey?: string; createTimeoutMs?: number } = {}) {
  return testContext({
    apiKey: overrides.apiKey ?? token,
    baseUrl: replicate.baseUrl,
    workDir: dir.path,
    ...(overrides.createTimeoutMs ? { createTimeoutMs: overrides.createTimeoutMs } : {}),
  });
}

async function pollToEnd(taskId: string): Promise<{ final: PollResult; progress: number[] }> {
  const progress: number[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const result = await adapter.poll(taskId, context());
    if (result.status === 'queued' || result.status === 'running') {
      if (typeof result.progress === 'number') progress.push(result.progress);
      continue;
    }
    return { final: result, progress };
  }
  throw new Error('the prediction never finished');
}

describe('Replicate adapter against a fake', () => {
  it('creates a prediction on owner/name, reports log progress, downloads the output', async () => {
    const { taskId } = await adapter.create(
      baseRequest('replicate', 'google/veo-3.1', { audio: true, seed: 7 }),
      context(),
    );
    expect(server.seen('POST', '/v1/models/google/veo-3.1/predictions')).toHaveLength(1);
    expect(replicate.predictions.get(taskId)?.input).toEqual({
      prompt: baseRequest('replicate', 'x').prompt,
      aspect_ratio: '16:9',
      duration: 8,
      generate_audio: true,
      seed: 7,
    });
    const { final, progress } = await pollToEnd(taskId);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((value) => value > 0 && value < 1)).toBe(true);
    if (final.status !== 'succeeded') throw new Error(`expected success, got ${final.status}`);
    const file = join(dir.path, 'replicate.mp4');
    expect((await adapter.download(final.outputs[0]!, file, context())).bytes).toBe(replicate.contentBytes);
    expect((await stat(file)).size).toBe(replicate.contentBytes);
    expect(replicate.violations).toEqual([]);
  });

  it('uploads keyframes to /files and sends their URLs (never data URIs, never the token)', async () => {
    const first = await stillMedia(dir.path, 1280, 720, 'rep-first.png');
    const last = await stillMedia(dir.path, 1280, 720, 'rep-last.png');
    const { taskId } = await adapter.create(
      baseRequest('replicate', 'google/veo-3.1', {
        mode: 'firstLastFrame',
        keyframes: { first, middle: null, last },
      }),
      context(),
    );
    expect(replicate.uploads.size).toBe(2);
    expect([...replicate.uploads.values()].map((upload) => upload.size)).toEqual([
      first.sizeBytes,
      last.sizeBytes,
    ]);
    const input = replicate.predictions.get(taskId)!.input;
    expect(input.image).toBe(`${replicate.baseUrl}/files/file1`);
    expect(input.last_frame).toBe(`${replicate.baseUrl}/files/file2`);

    const kling = await adapter.create(
      baseRequest('replicate', 'kwaivgi/kling-v3-video', {
        mode: 'imageToVideo',
        durationSeconds: 10,
        keyframes: { first, middle: null, last: null },
      }),
      context(),
    );
    expect(replicate.predictions.get(kling.taskId)!.input).toMatchObject({
      start_image: `${replicate.baseUrl}/files/file3`,
      duration: 10,
      mode: 'standard',
    });
    expect(replicate.violations).toEqual([]);
  });

  it('cancels a running prediction', async () => {
    const { taskId } = await adapter.create(baseRequest('replicate', 'google/veo-3.1'), context());
    await adapter.cancel(taskId, context());
    expect(server.count('POST', '/v1/predictions/:id/cancel')).toBe(1);
    expect((await adapter.poll(taskId, context())).status).toBe('cancelled');
  });

  it('refuses modes a model is not mapped for, before any request', async () => {
    const error = await rejectionOf(
      adapter.create(
        baseRequest('replicate', 'kwaivgi/kling-v3-video', { mode: 'referenceImages' }),
        context(),
      ),
    );
    expect(error.code).toBe('CAPABILITY_UNSUPPORTED');
    expect((await rejectionOf(adapter.create(baseRequest('replicate', 'not a model'), context()))).code).toBe(
      'BAD_REQUEST',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('422, 401, 404 retired, 429 with Retry-After (one request: SDK retries neutralised)', async () => {
    const bad = await rejectionOf(
      adapter.create(baseRequest('replicate', 'google/veo-3.1', { durationSeconds: 5 }), context()),
    );
    expect(bad.code).toBe('PROVIDER_BAD_REQUEST');
    expect(bad.message).toContain('duration');

    const wrong = 'r8_wrong_token_must_not_leak_123';
    const auth = await rejectionOf(
      adapter.create(baseRequest('replicate', 'google/veo-3.1'), context({ apiKey: wrong })),
    );
    expect(auth.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: auth.message, d: auth.detail })).not.toContain(wrong);
    expect((await adapter.testKey(context({ apiKey: wrong }))).ok).toBe(false);
    expect((await adapter.testKey(context())).detail).toContain('shotloom-test');

    server.inject('POST', '/v1/models/:owner/:name/predictions', {
      kind: 'status',
      status: 404,
      body: { title: 'Not found', detail: 'The requested model does not exist', status: 404 },
    });
    expect(
      (await rejectionOf(adapter.create(baseRequest('replicate', 'someone/retired-model'), context()))).code,
    ).toBe('PROVIDER_MODEL_RETIRED');

    const before = replicate.createCount;
    server.inject(
      'POST',
      '/v1/models/:owner/:name/predictions',
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '30' },
        body: { detail: 'Request was throttled. Your rate limit resets in ~30s.' },
      },
      10,
    );
    const limited = await rejectionOf(adapter.create(baseRequest('replicate', 'google/veo-3.1'), context()));
    expect(limited).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 30_000, retryable: true });
    expect(replicate.createCount - before).toBe(1);
  });

  it('5xx on a status read is retryable and was sent once', async () => {
    const { taskId } = await adapter.create(baseRequest('replicate', 'google/veo-3.1'), context());
    server.inject(
      'GET',
      '/v1/predictions/:id',
      { kind: 'status', status: 503, body: { detail: 'unavailable' } },
      10,
    );
    const before = server.count('GET', '/v1/predictions/:id');
    expect(await rejectionOf(adapter.poll(taskId, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(server.count('GET', '/v1/predictions/:id') - before).toBe(1);
  });

  it('moderation (E005) is not retryable; other failures are', async () => {
    replicate.next = {
      stepsBeforeDone: 1,
      outcome: {
        kind: 'failed',
        error: 'The input or output was flagged as sensitive. Please try again with different inputs. (E005)',
      },
    };
    const { taskId } = await adapter.create(baseRequest('replicate', 'google/veo-3.1'), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_MODERATION',
      moderation: true,
      retryable: false,
    });
    replicate.next = { stepsBeforeDone: 0, outcome: { kind: 'failed', error: 'CUDA out of memory' } };
    const other = await adapter.create(baseRequest('replicate', 'google/veo-3.1'), context());
    const { final: failed } = await pollToEnd(other.taskId);
    expect(failed.status === 'failed' && failed.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      retryable: true,
    });
  });

  it('timeout after the server accepted the create: uncertain, one create seen, reconciled from the list', async () => {
    server.inject('POST', '/v1/models/:owner/:name/predictions', { kind: 'acceptThenHang' });
    const sentAt = new Date().toISOString();
    const request = baseRequest('replicate', 'google/veo-3.1', { prompt: 'a prompt only this job used' });
    const error = await rejectionOf(adapter.create(request, context({ createTimeoutMs: 300 })));
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(replicate.createCount).toBe(1);
    expect(await adapter.reconcile({ jobId: 'job_1', request, sentAt }, context())).toBe(
      [...replicate.predictions.keys()][0],
    );
    expect(
      await adapter.reconcile(
        { jobId: 'job_2', request: { ...request, prompt: 'other' }, sentAt },
        context(),
      ),
    ).toBeNull();
  });

  it('an expired output link and a download cut mid-way', async () => {
    replicate.next = { stepsBeforeDone: 0, outcome: { kind: 'succeeded' } };
    replicate.contentBytes = 300_000;
    const { taskId } = await adapter.create(baseRequest('replicate', 'google/veo-3.1'), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;
    const file = join(dir.path, 'rep-cut.mp4');
    replicate.cutDownloadsAfter = 100_000;
    expect(await rejectionOf(adapter.download(output, file, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    replicate.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);
    replicate.expiredOutputs.add(taskId);
    expect(
      (await rejectionOf(adapter.download(output, join(dir.path, 'rep-expired.mp4'), context()))).code,
    ).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
