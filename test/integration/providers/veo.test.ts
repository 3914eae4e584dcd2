import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../main/providers/types';
import { VeoAdapter } from '../../../main/providers/veo/veoAdapter';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { startFakeVeo, type FakeVeo } from '../../helpers/fakeProviders/veo';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = 'AIza-test-gemini-key-0123456789';
const model = 'veo-3.1-generate-preview';
let server: FakeServer;
let veo: FakeVeo;
let dir: { path: string; remove: () => Promise<void> };
const adapter = new VeoAdapter({ pollIntervalMs: 10 });

beforeAll(async () => {
  dir = await makeTempDir('shotloom-veo-');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  ({ server, veo } = await startFakeVeo(apiKey));
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

async function pollToEnd(taskId: string): Promise<{ final: PollResult; running: number }> {
  let running = 0;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const result = await adapter.poll(taskId, context());
    if (result.status === 'queued' || result.status === 'running') {
      running += 1;
      continue;
    }
    return { final: result, running };
  }
  throw new Error('the operation never finished');
}

describe('Google Veo adapter (Gemini API) against a fake', () => {
  it('text to video: operation, polling, download with the key in a header', async () => {
    const ctx = context();
    const { taskId } = await adapter.create(
      baseRequest('google', model, { durationSeconds: 6, seed: 42, negativePrompt: 'blur' }),
      ctx,
    );
    expect(taskId).toMatch(/^models\/veo-3\.1-generate-preview\/operations\//);
    const operation = veo.operations.get(taskId)!;
    expect(operation.body.parameters).toEqual({
      sampleCount: 1,
      durationSeconds: 6,
      aspectRatio: '16:9',
      resolution: '720p',
      negativePrompt: 'blur',
    });
    expect(ctx.logs.join('\n')).toContain('seed is a Vertex-only parameter');

    const { final, running } = await pollToEnd(taskId);
    expect(running).toBe(2);
    if (final.status !== 'succeeded') throw new Error(`expected success, got ${final.status}`);
    const file = join(dir.path, 'veo.mp4');
    expect((await adapter.download(final.outputs[0]!, file, context())).bytes).toBe(veo.contentBytes);
    expect((await stat(file)).size).toBe(veo.contentBytes);
    expect(server.seen('GET', '/v1beta/files/:file')[0]?.headers['x-goog-api-key']).toBe(apiKey);
    expect(veo.violations).toEqual([]);
  });

  it('first + last frame, reference images and extension map to Veo’s wire fields', async () => {
    const first = await stillMedia(dir.path, 1280, 720, 'veo-first.png');
    const last = await stillMedia(dir.path, 1280, 720, 'veo-last.png');
    const flf = await adapter.create(
      baseRequest('google', model, { mode: 'firstLastFrame', keyframes: { first, middle: null, last } }),
      context(),
    );
    const instance = veo.operations.get(flf.taskId)!.body.instances[0]!;
    expect(instance.image?.bytesBase64Encoded).toBe((await readFile(first.path)).toString('base64'));
    expect(instance.lastFrame?.bytesBase64Encoded).toBe((await readFile(last.path)).toString('base64'));

    const refs = await Promise.all(
      [1, 2, 3].map((index) => stillMedia(dir.path, 512, 512, `ref${index}.png`)),
    );
    const withRefs = await adapter.create(
      baseRequest('google', model, {
        mode: 'referenceImages',
        references: refs.map((file, index) => ({ name: `r${index}`, file })),
      }),
      context(),
    );
    const references = veo.operations.get(withRefs.taskId)!.body.instances[0]!.referenceImages!;
    expect(references.map((reference) => reference.referenceType)).toEqual(['ASSET', 'ASSET', 'ASSET']);

    const uri = `${server.url}/v1beta/files/fileop0001:download?alt=media`;
    const extended = await adapter.create(
      baseRequest('google', model, { mode: 'extend', options: { sourceGenerationId: uri } }),
      context(),
    );
    expect(veo.operations.get(extended.taskId)!.body.instances[0]!.video).toEqual({ uri });
    expect(veo.violations).toEqual([]);
  });

  it('says the shot’s camera direction in words (Veo has no camera parameter)', async () => {
    const { taskId } = await adapter.create(
      baseRequest('google', model, { prompt: 'A harbour at dawn', cameraDirection: 'panLeft' }),
      context(),
    );
    expect(veo.operations.get(taskId)!.body.instances[0]!.prompt).toBe(
      'A harbour at dawn. Camera: pan left.',
    );
  });

  it('refuses what Veo on the Gemini API cannot do, before any request', async () => {
    const refs = await Promise.all(
      [1, 2, 3, 4].map((index) => stillMedia(dir.path, 256, 256, `many${index}.png`)),
    );
    const four = await rejectionOf(
      adapter.create(
        baseRequest('google', model, {
          mode: 'referenceImages',
          references: refs.map((file, index) => ({ name: `r${index}`, file })),
        }),
        context(),
      ),
    );
    expect(four.code).toBe('CAPABILITY_UNSUPPORTED');
    const short = await rejectionOf(
      adapter.create(
        baseRequest('google', model, {
          mode: 'extend',
          durationSeconds: 6,
          options: { sourceGenerationId: 'x' },
        }),
        context(),
      ),
    );
    expect(short.message).toContain('8 seconds');
    const square = await rejectionOf(
      adapter.create(baseRequest('google', model, { ratio: '1:1' }), context()),
    );
    expect(square.code).toBe('CAPABILITY_UNSUPPORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('the fake refuses Vertex-only fields, as the API does', async () => {
    const response = await fetch(`${server.url}/v1beta/models/${model}:predictLongRunning`, {
      method: 'POST',
      headers: { 'x-goog-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [{ prompt: 'x' }], parameters: { seed: 1, generateAudio: true } }),
    });
    expect(response.status).toBe(400);
    expect(veo.violations.join('\n')).toMatch(/seed|generateAudio/);
  });

  it('400, bad key, 401, 404 retired, 429 with Retry-After and 5xx are classified without leaking the key', async () => {
    server.inject('POST', '/v1beta/models/:action', {
      kind: 'status',
      status: 400,
      body: { error: { code: 400, message: 'Prompt is too long.', status: 'INVALID_ARGUMENT' } },
    });
    const bad = await rejectionOf(adapter.create(baseRequest('google', model), context()));
    expect(bad.code).toBe('PROVIDER_BAD_REQUEST');
    expect(bad.message).toContain('Prompt is too long');

    const wrongKey = 'AIza-wrong-key-must-not-leak-99';
    const badKey = await rejectionOf(
      adapter.create(baseRequest('google', model), context({ apiKey: wrongKey })),
    );
    expect(badKey.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: badKey.message, d: badKey.detail })).not.toContain(wrongKey);
    expect((await adapter.testKey(context({ apiKey: wrongKey }))).ok).toBe(false);
    expect((await adapter.testKey(context())).ok).toBe(true);

    server.inject('POST', '/v1beta/models/:action', {
      kind: 'status',
      status: 401,
      body: {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials.',
          status: 'UNAUTHENTICATED',
        },
      },
    });
    expect((await rejectionOf(adapter.create(baseRequest('google', model), context()))).code).toBe(
      'PROVIDER_AUTH',
    );

    veo.retiredModels.add('veo-3.0-generate-001');
    const retired = await rejectionOf(
      adapter.create(baseRequest('google', 'veo-3.0-generate-001'), context()),
    );
    expect(retired.code).toBe('PROVIDER_MODEL_RETIRED');

    server.inject('POST', '/v1beta/models/:action', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '12' },
      body: {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
        },
      },
    });
    const limited = await rejectionOf(adapter.create(baseRequest('google', model), context()));
    expect(limited).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 12_000, retryable: true });

    const { taskId } = await adapter.create(baseRequest('google', model), context());
    server.inject('GET', '/v1beta/models/:model/operations/:id', {
      kind: 'status',
      status: 503,
      body: { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
    });
    expect(await rejectionOf(adapter.poll(taskId, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    // One request per create call: 400, bad key, 401, retired, 429, success. The SDK retried nothing.
    expect(veo.createCount).toBe(6);
  });

  it('moderation: done with raiMediaFilteredReasons and no video; an operation error', async () => {
    veo.next = {
      pollsBeforeDone: 0,
      outcome: {
        kind: 'filtered',
        reasons: ['The prompt could not be submitted: it may violate our policies.'],
      },
    };
    const { taskId } = await adapter.create(baseRequest('google', model), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_MODERATION',
      moderation: true,
      retryable: false,
    });
    expect(final.status === 'failed' && final.failure.message).toContain('may violate our policies');

    veo.next = {
      pollsBeforeDone: 0,
      outcome: { kind: 'error', code: 13, message: 'Internal error encountered.' },
    };
    const other = await adapter.create(baseRequest('google', model), context());
    const { final: failed } = await pollToEnd(other.taskId);
    expect(failed.status === 'failed' && failed.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      moderation: false,
      retryable: true,
    });
  });

  it('timeout after the server accepted the create: uncertain, one create seen', async () => {
    server.inject('POST', '/v1beta/models/:action', { kind: 'acceptThenHang' });
    const error = await rejectionOf(
      adapter.create(baseRequest('google', model), context({ createTimeoutMs: 300 })),
    );
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(veo.createCount).toBe(1);
    expect(veo.operations.size).toBe(1);
  });

  it('an expired file link and a download cut mid-way', async () => {
    veo.next = { pollsBeforeDone: 0, outcome: { kind: 'video' } };
    veo.contentBytes = 300_000;
    const { taskId } = await adapter.create(baseRequest('google', model), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;
    const file = join(dir.path, 'veo-cut.mp4');
    veo.cutDownloadsAfter = 120_000;
    expect(await rejectionOf(adapter.download(output, file, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    veo.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);

    veo.expiredFiles.add(veo.operations.get(taskId)!.fileId);
    expect(
      (await rejectionOf(adapter.download(output, join(dir.path, 'veo-expired.mp4'), context()))).code,
    ).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
