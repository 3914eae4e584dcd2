import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CometAdapter } from '../../../main/providers/cometapi/cometAdapter';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import { startFakeComet } from '../../helpers/fakeProviders/cometapi';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import type { FakeVideosApi } from '../../helpers/fakeProviders/openai';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = 'comet-test-key-0123456789abcdef';
let server: FakeServer;
let api: FakeVideosApi;
let baseUrl: string;
let dir: { path: string; remove: () => Promise<void> };
const adapter = new CometAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-comet-');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, api, baseUrl } = await startFakeComet(apiKey));
});
afterEach(async () => {
  await server.close();
});

function context(overrides: { apiKey?: string; createTimeoutMs?: number } = {}) {
  return testContext({
    apiKey: overrides.apiKey ?? apiKey,
    baseUrl,
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
  throw new Error('the job never finished');
}

describe('CometAPI adapter against a fake OpenAI-compatible /v1/videos', () => {
  it('Sora 2 through CometAPI: create, progress, download', async () => {
    const { taskId } = await adapter.create(
      baseRequest('cometapi', 'sora-2', { durationSeconds: 12 }),
      context(),
    );
    expect(api.jobs.get(taskId)?.body.value).toMatchObject({
      model: 'sora-2',
      seconds: '12',
      size: '1280x720',
    });
    const { final, progress } = await pollToEnd(taskId);
    expect(progress.some((value) => value > 0 && value < 1)).toBe(true);
    if (final.status !== 'succeeded') throw new Error(`expected success, got ${final.status}`);
    const file = join(dir.path, 'comet.mp4');
    const result = await adapter.download(final.outputs[0]!, file, context());
    expect(result.bytes).toBe(api.contentBytes);
    expect((await stat(file)).size).toBe(api.contentBytes);
    expect(api.schemaErrors).toEqual([]);
  });

  it('Veo 3.1 first + last frame sends two ordered input_reference files', async () => {
    const first = await stillMedia(dir.path, 1280, 720, 'first.png');
    const last = await stillMedia(dir.path, 640, 360, 'last.png');
    const { taskId } = await adapter.create(
      baseRequest('cometapi', 'veo3.1', {
        mode: 'firstLastFrame',
        durationSeconds: 6,
        keyframes: { first, middle: null, last },
      }),
      context(),
    );
    const job = api.jobs.get(taskId);
    expect(job?.body.value).toMatchObject({ model: 'veo3.1', seconds: '6', size: '1280x720' });
    expect(job?.body.files.map((file) => file.field)).toEqual(['input_reference', 'input_reference']);
    expect(job?.body.files[0]?.bytes.equals(await readFile(first.path))).toBe(true);
    expect(job?.body.files[1]?.bytes.equals(await readFile(last.path))).toBe(true);
    expect(api.schemaErrors).toEqual([]);
  });

  it('Veo 3.1 image to video at 1080p sends one file and Comet’s size', async () => {
    const first = await stillMedia(dir.path, 1920, 1080, 'hd.png');
    const { taskId } = await adapter.create(
      baseRequest('cometapi', 'veo3.1-fast', {
        mode: 'imageToVideo',
        durationSeconds: 8,
        keyframes: { first, middle: null, last: null },
        options: { resolution: '1080p' },
      }),
      context(),
    );
    expect(api.jobs.get(taskId)?.body.value).toMatchObject({
      size: '1920x1080',
      input_reference: '(binary)',
    });
    expect(api.schemaErrors).toEqual([]);
  });

  it('the fake enforces CometAPI’s rules: Sora with 6 s or two files is refused', async () => {
    const form = new FormData();
    form.append('model', 'sora-2');
    form.append('prompt', 'x');
    form.append('seconds', '6');
    const response = await fetch(`${baseUrl}/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('comet_api_error');
    expect(api.schemaErrors.join('\n')).toContain('sora seconds');
  });

  it('refuses what a model cannot do before any request', async () => {
    const sora = await rejectionOf(
      adapter.create(baseRequest('cometapi', 'sora-2', { mode: 'firstLastFrame' }), context()),
    );
    expect(sora.code).toBe('CAPABILITY_UNSUPPORTED');
    const seconds = await rejectionOf(
      adapter.create(baseRequest('cometapi', 'veo3.1', { durationSeconds: 5 }), context()),
    );
    expect(seconds.code).toBe('CAPABILITY_UNSUPPORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('400 / 401 / 404 retired / 429 / 5xx are classified; the key never leaks', async () => {
    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 400,
      body: { error: { code: '', message: 'prompt is required (request id: x)', type: 'comet_api_error' } },
    });
    const bad = await rejectionOf(adapter.create(baseRequest('cometapi', 'sora-2'), context()));
    expect(bad.code).toBe('PROVIDER_BAD_REQUEST');
    expect(bad.message).toContain('prompt is required');

    const wrongKey = 'comet-wrong-key-must-not-leak-77';
    const auth = await rejectionOf(
      adapter.create(baseRequest('cometapi', 'sora-2'), context({ apiKey: wrongKey })),
    );
    expect(auth.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: auth.message, d: auth.detail })).not.toContain(wrongKey);
    expect((await adapter.testKey(context({ apiKey: wrongKey }))).ok).toBe(false);
    expect((await adapter.testKey(context())).ok).toBe(true);

    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 404,
      body: { error: { code: 'model_not_found', message: 'model veo3 not found', type: 'comet_api_error' } },
    });
    const retired = await rejectionOf(adapter.create(baseRequest('cometapi', 'veo3.1'), context()));
    expect(retired.code).toBe('PROVIDER_MODEL_RETIRED');

    server.inject('POST', '/v1/videos', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { code: '', message: 'too many', type: 'comet_api_error' } },
    });
    const limited = await rejectionOf(adapter.create(baseRequest('cometapi', 'sora-2'), context()));
    expect(limited).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 3000, retryable: true });

    const { taskId } = await adapter.create(baseRequest('cometapi', 'sora-2'), context());
    server.inject('GET', '/v1/videos/:id', {
      kind: 'status',
      status: 524,
      body: { error: { code: '', message: 'timeout', type: 'comet_api_error' } },
    });
    const unavailable = await rejectionOf(adapter.poll(taskId, context()));
    expect(unavailable).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    // Creates: 400, 401, 404, 429 and the successful one; nothing was retried.
    expect(server.count('POST', '/v1/videos')).toBe(5);
  });

  it('moderation failure is not retryable', async () => {
    api.next = {
      pollsBeforeDone: 1,
      outcome: {
        kind: 'failed',
        code: 'content_policy_violation',
        message: 'The prompt was flagged as sensitive.',
      },
    };
    const { taskId } = await adapter.create(baseRequest('cometapi', 'veo3.1'), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_MODERATION',
      moderation: true,
      retryable: false,
    });
  });

  it('timeout after the server accepted the create: uncertain and exactly one create seen', async () => {
    server.inject('POST', '/v1/videos', { kind: 'acceptThenHang' });
    const error = await rejectionOf(
      adapter.create(baseRequest('cometapi', 'veo3.1'), context({ createTimeoutMs: 300 })),
    );
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(server.count('POST', '/v1/videos')).toBe(1);
    expect(api.jobs.size).toBe(1);
  });

  it('an expired link and a download cut mid-way', async () => {
    api.next = { pollsBeforeDone: 0, outcome: { kind: 'completed' } };
    api.contentBytes = 300_000;
    const { taskId } = await adapter.create(baseRequest('cometapi', 'sora-2'), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;

    api.cutDownloadsAfter = 100_000;
    const file = join(dir.path, 'comet-cut.mp4');
    const cut = await rejectionOf(adapter.download(output, file, context()));
    expect(cut).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    api.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);

    api.expired.add(taskId);
    const expired = await rejectionOf(
      adapter.download(output, join(dir.path, 'comet-expired.mp4'), context()),
    );
    expect(expired.code).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
