import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SoraAdapter } from '../../../main/providers/openai/soraAdapter';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  clipMedia,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { startFakeOpenAi, type FakeVideosApi } from '../../helpers/fakeProviders/openai';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = 'sk-test-openai-0123456789abcdef';
let server: FakeServer;
let api: FakeVideosApi;
let baseUrl: string;
let dir: { path: string; remove: () => Promise<void> };
const adapter = new SoraAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-openai-');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, api, baseUrl } = await startFakeOpenAi(apiKey));
});
afterEach(async () => {
  await server.close();
});

function context(overrides: { apiKey?: string | null; createTimeoutMs?: number } = {}) {
  return testContext({
    apiKey: overrides.apiKey === undefined ? apiKey : overrides.apiKey,
    baseUrl,
    workDir: dir.path,
    ...(overrides.createTimeoutMs ? { createTimeoutMs: overrides.createTimeoutMs } : {}),
  });
}

/** Polls until the job leaves queued/running (bounded), collecting progress values. */
async function pollToEnd(
  taskId: string,
  ctx = context(),
): Promise<{ final: PollResult; progress: number[] }> {
  const progress: number[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const result = await adapter.poll(taskId, ctx);
    if (result.status === 'queued' || result.status === 'running') {
      if (typeof result.progress === 'number') progress.push(result.progress);
      continue;
    }
    return { final: result, progress };
  }
  throw new Error('the job never finished');
}

describe('OpenAI Sora 2 adapter against a fake Videos API', () => {
  it('creates a text-to-video job, reports progress, and downloads the video', async () => {
    const ctx = context();
    const request = baseRequest('openai', 'sora-2', { durationSeconds: 8, ratio: '16:9' });
    const { taskId } = await adapter.create(request, ctx);
    const job = api.jobs.get(taskId);
    expect(job?.body.value).toMatchObject({
      prompt: request.prompt,
      model: 'sora-2',
      seconds: '8',
      size: '1280x720',
    });
    expect(server.seen('POST', '/v1/videos')[0]?.headers['content-type']).toMatch(/^multipart\/form-data/);

    const { final, progress } = await pollToEnd(taskId);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((value) => value > 0 && value < 1)).toBe(true);
    expect(final.status).toBe('succeeded');
    if (final.status !== 'succeeded') return;
    const output = final.outputs[0];
    expect(output).toMatchObject({ kind: 'url', mimeType: 'video/mp4' });
    expect(output?.kind === 'url' && output.expiresAt).toBeTruthy();

    const file = join(dir.path, 'sora-ok.mp4');
    const result = await adapter.download(output!, file, ctx);
    expect(result).toEqual({ bytes: api.contentBytes, contentType: 'video/mp4' });
    expect((await stat(file)).size).toBe(api.contentBytes);
    const download = server.seen('GET', '/v1/videos/:id/content')[0];
    expect(download?.query.get('variant')).toBe('video');
    expect(download?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(api.schemaErrors).toEqual([]);
    expect(ctx.logs.join('\n')).not.toContain(apiKey);
  });

  it('sends the first keyframe as input_reference when it matches the size, and refuses one that does not', async () => {
    const first = await stillMedia(dir.path, 720, 1280, 'portrait.png');
    const { taskId } = await adapter.create(
      baseRequest('openai', 'sora-2', {
        mode: 'imageToVideo',
        ratio: '9:16',
        durationSeconds: 4,
        keyframes: { first, middle: null, last: null },
      }),
      context(),
    );
    const job = api.jobs.get(taskId);
    expect(job?.body.value).toMatchObject({ size: '720x1280', seconds: '4', input_reference: '(binary)' });
    expect(job?.body.files[0]).toMatchObject({
      field: 'input_reference',
      type: 'image/png',
      size: first.sizeBytes,
    });

    const wrong = await stillMedia(dir.path, 640, 360, 'small.png');
    const before = server.requests.length;
    const error = await rejectionOf(
      adapter.create(
        baseRequest('openai', 'sora-2', {
          mode: 'imageToVideo',
          keyframes: { first: wrong, middle: null, last: null },
        }),
        context(),
      ),
    );
    expect(error.code).toBe('CAPABILITY_UNSUPPORTED');
    expect(error.message).toContain('1280x720');
    expect(server.requests.length).toBe(before);
    expect(api.schemaErrors).toEqual([]);
  });

  it('sora-2-pro at resolution "high" asks for 1792x1024, a size the YAML lists', async () => {
    const { taskId } = await adapter.create(
      baseRequest('openai', 'sora-2-pro', { durationSeconds: 12, options: { resolution: 'high' } }),
      context(),
    );
    expect(api.jobs.get(taskId)?.body.value).toMatchObject({
      model: 'sora-2-pro',
      size: '1792x1024',
      seconds: '12',
    });
    expect(api.schemaErrors).toEqual([]);
  });

  it('remixes, edits and extends an earlier video with schema-valid requests', async () => {
    const { taskId: sourceId } = await adapter.create(baseRequest('openai', 'sora-2'), context());
    const remix = await adapter.create(
      baseRequest('openai', 'sora-2', {
        mode: 'remix',
        prompt: 'Same shot, at night',
        options: { sourceGenerationId: sourceId },
      }),
      context(),
    );
    expect(api.jobs.get(remix.taskId)?.remixedFrom).toBe(sourceId);
    expect(server.seen('POST', `/v1/videos/${sourceId}/remix`)).toHaveLength(1);

    const edit = await adapter.create(
      baseRequest('openai', 'sora-2', {
        mode: 'videoToVideo',
        prompt: 'Make it snow',
        options: { sourceGenerationId: sourceId },
      }),
      context(),
    );
    expect(api.jobs.get(edit.taskId)?.body.value).toMatchObject({
      prompt: 'Make it snow',
      video: { id: sourceId },
    });

    const clip = await clipMedia(dir.path);
    const editUpload = await adapter.create(
      baseRequest('openai', 'sora-2', { mode: 'videoToVideo', prompt: 'Make it rain', sourceVideo: clip }),
      context(),
    );
    expect(api.jobs.get(editUpload.taskId)?.body.files[0]).toMatchObject({
      field: 'video',
      size: clip.sizeBytes,
    });

    const extend = await adapter.create(
      baseRequest('openai', 'sora-2', {
        mode: 'extend',
        durationSeconds: 8,
        options: { sourceGenerationId: sourceId },
      }),
      context(),
    );
    expect(api.jobs.get(extend.taskId)?.body.value).toMatchObject({ seconds: '8', video: { id: sourceId } });
    expect(api.jobs.get(extend.taskId)?.path).toBe('/videos/extensions');
    expect(api.schemaErrors).toEqual([]);
  });

  it('the fake really validates: a request outside the YAML schema is refused and recorded', async () => {
    const response = await fetch(`${baseUrl}/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', seconds: '5', size: '640x480' }),
    });
    expect(response.status).toBe(400);
    expect(api.schemaErrors.join('\n')).toMatch(/seconds/);
    expect(api.schemaErrors.join('\n')).toMatch(/size/);
  });

  it('refuses modes Sora cannot do before any request', async () => {
    const error = await rejectionOf(
      adapter.create(baseRequest('openai', 'sora-2', { mode: 'firstLastFrame' }), context()),
    );
    expect(error.code).toBe('CAPABILITY_UNSUPPORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('400: a refused request is PROVIDER_BAD_REQUEST with the provider reason, not retried', async () => {
    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 400,
      body: {
        error: {
          message: 'Inpaint image must match the requested width and height',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    });
    const error = await rejectionOf(adapter.create(baseRequest('openai', 'sora-2'), context()));
    expect(error.code).toBe('PROVIDER_BAD_REQUEST');
    expect(error.message).toContain('Inpaint image must match');
    expect(error.retryable).toBe(false);
    expect(server.count('POST', '/v1/videos')).toBe(1);
  });

  it('401: a wrong key is PROVIDER_AUTH and the key never appears in the error', async () => {
    const wrongKey = 'sk-wrong-key-that-must-not-leak-42';
    const error = await rejectionOf(
      adapter.create(baseRequest('openai', 'sora-2'), context({ apiKey: wrongKey })),
    );
    expect(error.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain(wrongKey);
    expect(String(error.detail)).toContain('[redacted]');
    const test = await adapter.testKey(context({ apiKey: wrongKey }));
    expect(test.ok).toBe(false);
    expect(test.detail).not.toContain(wrongKey);
    expect((await adapter.testKey(context())).ok).toBe(true);
  });

  it('404 model_not_found and 410 say Sora 2 was retired on 2026-09-24, pointing to CometAPI', async () => {
    api.retiredModels.add('sora-2');
    const retired = await rejectionOf(adapter.create(baseRequest('openai', 'sora-2'), context()));
    expect(retired.code).toBe('PROVIDER_MODEL_RETIRED');
    expect(retired.message).toContain('2026-09-24');
    expect(retired.message).toContain('CometAPI');
    expect(retired.retryable).toBe(false);

    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 410,
      body: {
        error: {
          message: 'This endpoint has been shut down.',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    });
    const gone = await rejectionOf(adapter.create(baseRequest('openai', 'sora-2-pro'), context()));
    expect(gone.code).toBe('PROVIDER_MODEL_RETIRED');
  });

  it('429: rate limited with Retry-After, exactly one create sent (SDK retries off)', async () => {
    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '7' },
      body: {
        error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' },
      },
    });
    const error = await rejectionOf(adapter.create(baseRequest('openai', 'sora-2'), context()));
    expect(error.code).toBe('PROVIDER_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
    expect(server.count('POST', '/v1/videos')).toBe(1);
  });

  it('5xx: 503 on a status read is retryable; 500 on a create is uncertain', async () => {
    const { taskId } = await adapter.create(baseRequest('openai', 'sora-2'), context());
    server.inject('GET', '/v1/videos/:id', {
      kind: 'status',
      status: 503,
      body: { error: { message: 'overloaded', type: 'server_error', param: null, code: null } },
    });
    const unavailable = await rejectionOf(adapter.poll(taskId, context()));
    expect(unavailable.code).toBe('PROVIDER_UNAVAILABLE');
    expect(unavailable.retryable).toBe(true);
    expect((await adapter.poll(taskId, context())).status).toMatch(/queued|running/);

    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 500,
      body: { error: { message: 'internal', type: 'server_error', param: null, code: null } },
    });
    const uncertain = await rejectionOf(adapter.create(baseRequest('openai', 'sora-2'), context()));
    expect(uncertain.code).toBe('PROVIDER_UNCERTAIN');
  });

  it('moderation: a failed job with a moderation error is never retryable', async () => {
    api.next = {
      pollsBeforeDone: 1,
      outcome: {
        kind: 'failed',
        code: 'moderation_blocked',
        message: 'Your request was blocked by our moderation system.',
      },
    };
    const { taskId } = await adapter.create(baseRequest('openai', 'sora-2'), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status).toBe('failed');
    if (final.status !== 'failed') return;
    expect(final.failure).toMatchObject({ code: 'PROVIDER_MODERATION', moderation: true, retryable: false });

    api.next = {
      pollsBeforeDone: 0,
      outcome: { kind: 'failed', code: 'internal_error', message: 'Video generation failed.' },
    };
    const other = await adapter.create(baseRequest('openai', 'sora-2'), context());
    const { final: failed } = await pollToEnd(other.taskId);
    expect(failed.status === 'failed' && failed.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      moderation: false,
      retryable: true,
    });
  });

  it('timeout after the server accepted the create: uncertain, one create seen, reconciled from the list', async () => {
    server.inject('POST', '/v1/videos', { kind: 'acceptThenHang' });
    const sentAt = new Date().toISOString();
    const request = baseRequest('openai', 'sora-2', { prompt: 'A unique prompt for reconciliation' });
    const started = Date.now();
    const error = await rejectionOf(adapter.create(request, context({ createTimeoutMs: 300 })));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(server.count('POST', '/v1/videos')).toBe(1);
    expect(api.jobs.size).toBe(1);

    const found = await adapter.reconcile({ jobId: 'job_test0001', request, sentAt }, context());
    expect(found).toBe([...api.jobs.keys()][0]);
    const none = await adapter.reconcile(
      { jobId: 'job_2', request: { ...request, prompt: 'never sent' }, sentAt },
      context(),
    );
    expect(none).toBeNull();
    expect(server.count('POST', '/v1/videos')).toBe(1);
  });

  it('an expired output link is PROVIDER_OUTPUT_EXPIRED', async () => {
    api.next = { pollsBeforeDone: 0, outcome: { kind: 'completed' } };
    const { taskId } = await adapter.create(baseRequest('openai', 'sora-2'), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    api.expired.add(taskId);
    const error = await rejectionOf(
      adapter.download(final.outputs[0]!, join(dir.path, 'expired.mp4'), context()),
    );
    expect(error.code).toBe('PROVIDER_OUTPUT_EXPIRED');
  });

  it('a download cut mid-way is retryable and resumes with Range to the full size', async () => {
    api.next = { pollsBeforeDone: 0, outcome: { kind: 'completed' } };
    api.contentBytes = 400_000;
    const { taskId } = await adapter.create(baseRequest('openai', 'sora-2'), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const file = join(dir.path, 'cut.mp4');
    api.cutDownloadsAfter = 150_000;
    const error = await rejectionOf(adapter.download(final.outputs[0]!, file, context()));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    const partial = (await stat(file)).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(400_000);

    api.cutDownloadsAfter = null;
    const result = await adapter.download(final.outputs[0]!, file, context());
    expect(result.bytes).toBe(400_000);
    expect((await stat(file)).size).toBe(400_000);
    expect(server.seen('GET', '/v1/videos/:id/content').at(-1)?.headers.range).toBe(`bytes=${partial}-`);
  });
});
