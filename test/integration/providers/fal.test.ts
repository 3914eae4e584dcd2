import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FalAdapter, parseFalTaskId } from '../../../main/providers/fal/falAdapter';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import { startFakeFal, type FakeFal } from '../../helpers/fakeProviders/fal';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = 'fal-test-key-id:0123456789abcdef';
const kling = 'fal-ai/kling-video/v3/pro/image-to-video';
let server: FakeServer;
let fal: FakeFal;
let dir: { path: string; remove: () => Promise<void> };
let first: Awaited<ReturnType<typeof stillMedia>>;
let last: Awaited<ReturnType<typeof stillMedia>>;
const adapter = new FalAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-fal-');
  first = await stillMedia(dir.path, 640, 360, 'fal-first.png');
  last = await stillMedia(dir.path, 640, 360, 'fal-last.png');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, fal } = await startFakeFal(apiKey));
});
afterEach(async () => {
  await server.close();
});

function context(overrides: { apiKey?: string; createTimeoutMs?: number } = {}) {
  return testContext({
    apiKey: overrides.apiKey ?? apiKey,
    baseUrl: server.url,
    workDir: dir.path,
    ...(overrides.createTimeoutMs ? { createTimeoutMs: overrides.createTimeoutMs } : {}),
  });
}

function klingRequest(overrides: Parameters<typeof baseRequest>[2] = {}) {
  return baseRequest('fal', kling, {
    mode: 'imageToVideo',
    durationSeconds: 5,
    keyframes: { first, middle: null, last: null },
    ...overrides,
  });
}

async function pollToEnd(taskId: string): Promise<{ final: PollResult; states: string[] }> {
  const states: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const result = await adapter.poll(taskId, context());
    states.push(result.status);
    if (result.status !== 'queued' && result.status !== 'running') return { final: result, states };
  }
  throw new Error('the request never finished');
}

describe('fal adapter (queue API) against a fake', () => {
  it('uploads the keyframe, submits, follows the queue and downloads from the CDN', async () => {
    const { taskId } = await adapter.create(klingRequest(), context());
    const { endpoint, requestId } = parseFalTaskId(taskId);
    expect(endpoint).toBe(kling);
    const stored = fal.requests.get(requestId)!;
    expect(stored.input).toMatchObject({
      duration: '5',
      generate_audio: false,
      start_image_url: expect.stringMatching(/^https:\/\/v3\.fal\.media\/files\/up1-fal-first\.png$/),
    });
    expect([...fal.uploads.values()][0]).toEqual({ bytes: first.sizeBytes, contentType: 'image/png' });

    const { final, states } = await pollToEnd(taskId);
    expect(states).toEqual(['queued', 'running', 'succeeded']);
    if (final.status !== 'succeeded') throw new Error('expected success');
    expect(final.outputs[0]).toMatchObject({
      kind: 'url',
      url: `https://v3.fal.media/files/${requestId}.mp4`,
      mimeType: 'video/mp4',
    });
    const file = join(dir.path, 'fal.mp4');
    expect((await adapter.download(final.outputs[0]!, file, context())).bytes).toBe(fal.contentBytes);
    expect((await stat(file)).size).toBe(fal.contentBytes);
    // Status and result use only owner/app, never the endpoint's sub-path.
    expect(server.seen('GET', '/queue.fal.run/:owner/:app/requests/:id/status')[0]?.path).toBe(
      `/queue.fal.run/fal-ai/kling-video/requests/${requestId}/status`,
    );
    expect(fal.violations).toEqual([]);
  });

  it('maps Veo 3.1 first+last, references, Wan and LTX inputs to their endpoint fields', async () => {
    const veo = await adapter.create(
      baseRequest('fal', 'fal-ai/veo3.1/first-last-frame-to-video', {
        mode: 'firstLastFrame',
        keyframes: { first, middle: null, last },
      }),
      context(),
    );
    expect(fal.requests.get(parseFalTaskId(veo.taskId).requestId)!.input).toMatchObject({
      duration: '8s',
      aspect_ratio: '16:9',
      first_frame_url: expect.any(String),
      last_frame_url: expect.any(String),
    });
    const refs = await adapter.create(
      baseRequest('fal', 'fal-ai/veo3.1/reference-to-video', {
        mode: 'referenceImages',
        references: [
          { name: 'hero', file: first },
          { name: 'car', file: last },
        ],
      }),
      context(),
    );
    expect(
      (fal.requests.get(parseFalTaskId(refs.taskId).requestId)!.input.image_urls as string[]).length,
    ).toBe(2);
    const wan = await adapter.create(
      baseRequest('fal', 'fal-ai/wan/v2.7/image-to-video', {
        mode: 'firstLastFrame',
        durationSeconds: 5,
        seed: 3,
        keyframes: { first, middle: null, last },
        options: { resolution: '1080p' },
      }),
      context(),
    );
    expect(fal.requests.get(parseFalTaskId(wan.taskId).requestId)!.input).toMatchObject({
      duration: '5',
      seed: 3,
      resolution: '1080p',
      image_url: expect.any(String),
      end_image_url: expect.any(String),
    });
    const ltx = await adapter.create(
      baseRequest('fal', 'fal-ai/ltx-2/image-to-video', {
        mode: 'imageToVideo',
        durationSeconds: 6,
        keyframes: { first, middle: null, last: null },
      }),
      context(),
    );
    expect(fal.requests.get(parseFalTaskId(ltx.taskId).requestId)!.input).toMatchObject({
      duration: '6',
      image_url: expect.any(String),
    });
    expect(fal.violations).toEqual([]);
  });

  it('cancels a queued request', async () => {
    const { taskId } = await adapter.create(klingRequest(), context());
    await adapter.cancel(taskId, context());
    expect(fal.requests.get(parseFalTaskId(taskId).requestId)?.cancelled).toBe(true);
  });

  it('refuses unknown endpoints and modes before any request', async () => {
    expect((await rejectionOf(adapter.create(baseRequest('fal', 'fal-ai/unknown'), context()))).code).toBe(
      'CAPABILITY_UNSUPPORTED',
    );
    expect(
      (await rejectionOf(adapter.create(baseRequest('fal', kling, { mode: 'textToVideo' }), context()))).code,
    ).toBe('CAPABILITY_UNSUPPORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('422, 401, 404 retired, 429 and 5xx are classified; fal’s own retries never repeat a submit', async () => {
    const bad = await rejectionOf(adapter.create(klingRequest({ durationSeconds: 20 }), context()));
    expect(bad.code).toBe('PROVIDER_BAD_REQUEST');
    expect(fal.violations.join()).toContain('duration');

    const wrong = 'fal-wrong-key:must-not-leak-0';
    const auth = await rejectionOf(adapter.create(klingRequest(), context({ apiKey: wrong })));
    expect(auth.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: auth.message, d: auth.detail })).not.toContain(wrong);
    expect((await adapter.testKey(context({ apiKey: wrong }))).ok).toBe(false);
    expect((await adapter.testKey(context())).ok).toBe(true);

    server.inject('POST', `/queue.fal.run/${kling}`, {
      kind: 'status',
      status: 404,
      body: { detail: 'Application not found' },
    });
    expect((await rejectionOf(adapter.create(klingRequest(), context()))).code).toBe(
      'PROVIDER_MODEL_RETIRED',
    );

    const before = fal.submitCount;
    server.inject('POST', `/queue.fal.run/${kling}`, {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '4' },
      body: { detail: 'Too many requests' },
    });
    const limited = await rejectionOf(adapter.create(klingRequest(), context()));
    expect(limited).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 4000, retryable: true });
    expect(fal.submitCount - before).toBe(1);

    server.inject('POST', `/queue.fal.run/${kling}`, {
      kind: 'status',
      status: 503,
      body: { detail: 'unavailable' },
    });
    const unavailable = await rejectionOf(adapter.create(klingRequest(), context()));
    expect(unavailable).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    // Had fal retried, the second attempt would have been accepted (the faults fire once).
    expect(fal.submitCount - before).toBe(2);
    expect(fal.requests.size).toBe(0);
  });

  it('a 5xx on a status read is retryable and sent once', async () => {
    const { taskId } = await adapter.create(klingRequest(), context());
    server.inject(
      'GET',
      '/queue.fal.run/:owner/:app/requests/:id/status',
      { kind: 'status', status: 500, body: { detail: 'oops' } },
      6,
    );
    const before = server.count('GET', '/queue.fal.run/:owner/:app/requests/:id/status');
    expect(await rejectionOf(adapter.poll(taskId, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(server.count('GET', '/queue.fal.run/:owner/:app/requests/:id/status') - before).toBe(1);
  });

  it('moderation (422 content_policy_violation on the result) and a non-retryable server failure', async () => {
    fal.next = { stepsBeforeDone: 0, outcome: { kind: 'contentPolicy' } };
    const { taskId } = await adapter.create(klingRequest(), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_MODERATION',
      moderation: true,
      retryable: false,
    });

    fal.next = { stepsBeforeDone: 0, outcome: { kind: 'serverFailure' } };
    const other = await adapter.create(klingRequest(), context());
    const { final: failed } = await pollToEnd(other.taskId);
    expect(failed.status === 'failed' && failed.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      moderation: false,
      retryable: true,
    });
  });

  it('timeout after the server accepted the submit: uncertain, one submit seen', async () => {
    server.inject('POST', `/queue.fal.run/${kling}`, { kind: 'acceptThenHang' });
    const error = await rejectionOf(adapter.create(klingRequest(), context({ createTimeoutMs: 300 })));
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(fal.submitCount).toBe(1);
    expect(fal.requests.size).toBe(1);
  });

  it('an expired CDN file and a download cut mid-way', async () => {
    fal.next = { stepsBeforeDone: 0, outcome: { kind: 'video' } };
    fal.contentBytes = 300_000;
    const { taskId } = await adapter.create(klingRequest(), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;
    const file = join(dir.path, 'fal-cut.mp4');
    fal.cutDownloadsAfter = 100_000;
    expect(await rejectionOf(adapter.download(output, file, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    fal.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);
    fal.expiredFiles.add(parseFalTaskId(taskId).requestId);
    expect(
      (await rejectionOf(adapter.download(output, join(dir.path, 'fal-expired.mp4'), context()))).code,
    ).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
