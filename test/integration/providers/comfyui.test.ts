import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComfyAdapter } from '../../../main/providers/comfyui/comfyAdapter';
import { parseComfyTaskId, promptIdFor } from '../../../main/providers/comfyui/comfyMachines';
import type { PollResult } from '../../../main/providers/types';
import {
  baseRequest,
  rejectionOf,
  stillMedia,
  testContext,
} from '../../helpers/fakeProviders/adapterTestKit';
import { startFakeComfy, type FakeComfy } from '../../helpers/fakeProviders/comfyui';
import { makeTempDir } from '../../helpers/tempDir';

let comfy: FakeComfy;
let dir: { path: string; remove: () => Promise<void> };
let first: Awaited<ReturnType<typeof stillMedia>>;
let last: Awaited<ReturnType<typeof stillMedia>>;
let adapter: ComfyAdapter;

beforeAll(async () => {
  dir = await makeTempDir('shotloom-comfy-');
  first = await stillMedia(dir.path, 832, 480, 'comfy-first.png');
  last = await stillMedia(dir.path, 832, 480, 'comfy-last.png');
});
afterAll(async () => {
  await dir.remove();
});
beforeEach(async () => {
  comfy = await startFakeComfy();
  adapter = new ComfyAdapter({ pollIntervalMs: 10 });
});
afterEach(async () => {
  adapter.close();
  await comfy.close();
});

function context(
  overrides: { baseUrl?: string; jobId?: string; apiKey?: string | null; createTimeoutMs?: number } = {},
) {
  return testContext({
    apiKey: overrides.apiKey ?? null,
    baseUrl: overrides.baseUrl ?? comfy.server.url,
    workDir: dir.path,
    jobId: overrides.jobId ?? 'job_comfy1',
    ...(overrides.createTimeoutMs ? { createTimeoutMs: overrides.createTimeoutMs } : {}),
  });
}

function wanRequest(overrides: Parameters<typeof baseRequest>[2] = {}) {
  return baseRequest('comfyui', 'wan-image-to-video', {
    mode: 'imageToVideo',
    seed: 1234,
    keyframes: { first, middle: null, last: null },
    ...overrides,
  });
}

/** Polls every 20 ms (bounded) until the prompt finishes. */
async function pollToEnd(
  taskId: string,
  ctx = context(),
): Promise<{ final: PollResult; progress: number[]; states: string[] }> {
  const progress: number[] = [];
  const states: string[] = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const result = await adapter.poll(taskId, ctx);
    states.push(result.status);
    if (result.status !== 'queued' && result.status !== 'running') return { final: result, progress, states };
    if (typeof result.progress === 'number') progress.push(result.progress);
    await sleep(20);
  }
  throw new Error('the prompt never finished');
}

describe('ComfyUI adapter against a fake ComfyUI (HTTP + WebSocket)', () => {
  it('uploads the keyframe, queues the Wan workflow, reports WebSocket progress and downloads the video', async () => {
    const ctx = context();
    const { taskId } = await adapter.create(
      wanRequest({ durationSeconds: 8, prompt: 'A fox in the snow', negativePrompt: 'blurry' }),
      ctx,
    );
    const { machine, promptId } = parseComfyTaskId(taskId);
    expect(machine).toBe(comfy.server.url);
    expect(promptId).toBe(promptIdFor('job_comfy1'));
    const graph = comfy.prompts.get(promptId)!.graph;
    const byType = (type: string) =>
      Object.values(graph)
        .filter((node) => node.class_type === type)
        .map((node) => node.inputs!);
    expect(byType('WanImageToVideo')[0]).toMatchObject({ width: 832, height: 480, length: 129 });
    expect(byType('KSampler')[0]).toMatchObject({ seed: 1234 });
    expect(byType('CreateVideo')[0]).toMatchObject({ fps: 16 });
    expect(byType('CLIPTextEncode').map((inputs) => inputs.text)).toEqual(['A fox in the snow', 'blurry']);
    expect(byType('LoadImage')[0]?.image).toBe('shotloom-job_comfy1-comfy-first.png');
    expect(comfy.uploads.get('shotloom-job_comfy1-comfy-first.png')).toBe(first.sizeBytes);

    const { final, progress } = await pollToEnd(taskId);
    expect(progress.some((value) => value > 0 && value < 1)).toBe(true);
    if (final.status !== 'succeeded') throw new Error(`expected success, got ${JSON.stringify(final)}`);
    expect(final.outputs[0]).toMatchObject({ kind: 'url', mimeType: 'video/mp4' });
    expect(final.outputs[0]?.kind === 'url' && final.outputs[0].url).toContain(
      '/view?filename=job_comfy1_00001_.mp4&subfolder=shotloom&type=output',
    );
    const file = join(dir.path, 'comfy.mp4');
    expect((await adapter.download(final.outputs[0]!, file, ctx)).bytes).toBe(comfy.contentBytes);
    expect((await stat(file)).size).toBe(comfy.contentBytes);
    // The progress socket closed by itself once the prompt finished.
    expect(adapter.openProgressSockets).toBe(0);
    expect(comfy.violations).toEqual([]);
  });

  it('fills the LTX-Video first + last frame workflow with both keyframes at the shot rate', async () => {
    const { taskId } = await adapter.create(
      baseRequest('comfyui', 'ltxv-first-last-frame', {
        mode: 'firstLastFrame',
        durationSeconds: 4,
        ratio: '9:16',
        rate: { num: 24, den: 1 },
        keyframes: { first, middle: null, last },
      }),
      context({ jobId: 'job_ltx' }),
    );
    const graph = comfy.prompts.get(parseComfyTaskId(taskId).promptId)!.graph;
    const guides = Object.values(graph)
      .filter((node) => node.class_type === 'LTXVAddGuide')
      .map((node) => node.inputs!.frame_idx);
    expect(guides).toEqual([0, -1]);
    expect(
      Object.values(graph).find((node) => node.class_type === 'EmptyLTXVLatentVideo')?.inputs,
    ).toMatchObject({ width: 480, height: 832, length: 97 });
    expect(
      Object.values(graph).find((node) => node.class_type === 'LTXVConditioning')?.inputs?.frame_rate,
    ).toBe(24);
    expect(comfy.uploads.size).toBe(2);
    expect(comfy.violations).toEqual([]);
  });

  it('spreads jobs across machines by queue length and skips a machine that is down', async () => {
    const second = await startFakeComfy();
    second.next.hold = true;
    comfy.next.hold = true;
    try {
      const machines = `${comfy.server.url},http://127.0.0.1:9,${second.server.url}`;
      const one = await adapter.create(wanRequest(), context({ baseUrl: machines, jobId: 'job_a' }));
      const two = await adapter.create(wanRequest(), context({ baseUrl: machines, jobId: 'job_b' }));
      const three = await adapter.create(wanRequest(), context({ baseUrl: machines, jobId: 'job_c' }));
      const used = [one, two, three].map((result) => parseComfyTaskId(result.taskId).machine);
      expect(used[0]).not.toBe(used[1]);
      expect(new Set(used)).toEqual(new Set([comfy.server.url, second.server.url]));
      expect(comfy.prompts.size + second.prompts.size).toBe(3);
      expect(used.some((machine) => machine.includes(':9'))).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('cancels a running prompt with /interrupt {prompt_id} and a waiting one with /queue delete', async () => {
    comfy.next.hold = true;
    const running = await adapter.create(wanRequest(), context({ jobId: 'job_run' }));
    const waiting = await adapter.create(wanRequest(), context({ jobId: 'job_wait' }));
    await sleep(60);
    // The waiting one first: once the running one stops, the machine starts the next at once.
    await adapter.cancel(waiting.taskId, context({ jobId: 'job_wait' }));
    await adapter.cancel(running.taskId, context({ jobId: 'job_run' }));
    expect(comfy.server.seen('POST', '/queue')[0]?.json).toEqual({
      delete: [parseComfyTaskId(waiting.taskId).promptId],
    });
    expect(comfy.server.seen('POST', '/interrupt')[0]?.json).toEqual({
      prompt_id: parseComfyTaskId(running.taskId).promptId,
    });
    expect((await adapter.poll(running.taskId, context({ jobId: 'job_run' }))).status).toBe('cancelled');
    expect(comfy.prompts.has(parseComfyTaskId(waiting.taskId).promptId)).toBe(false);
    expect(comfy.violations).toEqual([]);
  });

  it('refuses unknown workflows and modes before any request', async () => {
    expect((await rejectionOf(adapter.create(wanRequest({ model: 'flux-video' }), context()))).code).toBe(
      'CAPABILITY_UNSUPPORTED',
    );
    expect((await rejectionOf(adapter.create(wanRequest({ mode: 'firstLastFrame' }), context()))).code).toBe(
      'CAPABILITY_UNSUPPORTED',
    );
    expect((await rejectionOf(adapter.create(wanRequest({ ratio: '21:9' }), context()))).code).toBe(
      'CAPABILITY_UNSUPPORTED',
    );
    expect(comfy.server.requests).toHaveLength(0);
  });

  it('400 with node_errors names the missing model; 401/404/429 from a proxy and 5xx are classified', async () => {
    comfy.installedModels.delete('wan2.1_i2v_480p_14B_fp16.safetensors');
    const missing = await rejectionOf(adapter.create(wanRequest(), context()));
    expect(missing.code).toBe('PROVIDER_BAD_REQUEST');
    expect(missing.message).toContain('Value not in list');
    expect(missing.message).toContain('wan2.1_i2v_480p_14B_fp16.safetensors');
    comfy.installedModels.add('wan2.1_i2v_480p_14B_fp16.safetensors');

    const key = 'proxy-token-must-not-leak-123';
    comfy.server.inject('POST', '/prompt', {
      kind: 'status',
      status: 401,
      body: { error: `bad token ${key}` },
    });
    const auth = await rejectionOf(adapter.create(wanRequest(), context({ apiKey: key })));
    expect(auth.code).toBe('PROVIDER_AUTH');
    expect(JSON.stringify({ m: auth.message, d: auth.detail })).not.toContain(key);
    expect(comfy.server.seen('POST', '/prompt').at(-1)?.headers.authorization).toBe(`Bearer ${key}`);

    comfy.server.inject('POST', '/prompt', { kind: 'status', status: 404, body: { error: 'Not Found' } });
    expect((await rejectionOf(adapter.create(wanRequest(), context()))).code).toBe('PROVIDER_MODEL_RETIRED');

    comfy.server.inject('POST', '/prompt', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: 'slow down' },
    });
    expect(await rejectionOf(adapter.create(wanRequest(), context()))).toMatchObject({
      code: 'PROVIDER_RATE_LIMITED',
      retryAfterMs: 2000,
    });

    const { taskId } = await adapter.create(wanRequest(), context());
    comfy.server.inject('GET', '/history/:id', { kind: 'status', status: 500, body: { error: 'internal' } });
    expect(await rejectionOf(adapter.poll(taskId, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect((await adapter.testKey(context())).ok).toBe(true);
    expect((await adapter.testKey(context({ baseUrl: 'http://127.0.0.1:9' }))).ok).toBe(false);
  });

  it('an execution error fails the take (offered again; ComfyUI has no content moderation)', async () => {
    comfy.next.outcome = { kind: 'error', message: 'Allocation on device 0 would exceed allowed memory.' };
    const { taskId } = await adapter.create(wanRequest(), context());
    const { final } = await pollToEnd(taskId);
    expect(final.status === 'failed' && final.failure).toMatchObject({
      code: 'PROVIDER_FAILED',
      moderation: false,
      retryable: true,
    });
    expect(final.status === 'failed' && final.failure.message).toContain('exceed allowed memory');
  });

  it('timeout after ComfyUI accepted the prompt: uncertain, one POST /prompt, found again by its derived prompt id', async () => {
    comfy.server.inject('POST', '/prompt', { kind: 'acceptThenHang' });
    const request = wanRequest();
    const error = await rejectionOf(
      adapter.create(request, context({ jobId: 'job_unclear', createTimeoutMs: 300 })),
    );
    expect(error.code).toBe('PROVIDER_UNCERTAIN');
    expect(comfy.promptPosts).toBe(1);
    const found = await adapter.reconcile(
      { jobId: 'job_unclear', request, sentAt: new Date().toISOString() },
      context(),
    );
    expect(found).toBe(`${comfy.server.url}|${promptIdFor('job_unclear')}`);
    expect(
      await adapter.reconcile({ jobId: 'job_never', request, sentAt: new Date().toISOString() }, context()),
    ).toBeNull();
    expect(comfy.promptPosts).toBe(1);
  });

  it('an output that is gone and a download cut mid-way', async () => {
    comfy.contentBytes = 300_000;
    const { taskId } = await adapter.create(wanRequest(), context());
    const { final } = await pollToEnd(taskId);
    if (final.status !== 'succeeded') throw new Error('expected success');
    const output = final.outputs[0]!;
    const file = join(dir.path, 'comfy-cut.mp4');
    comfy.cutDownloadsAfter = 100_000;
    expect(await rejectionOf(adapter.download(output, file, context()))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    comfy.cutDownloadsAfter = null;
    expect((await adapter.download(output, file, context())).bytes).toBe(300_000);
    comfy.deletedOutputs.add('job_comfy1_00001_.mp4');
    expect(
      (await rejectionOf(adapter.download(output, join(dir.path, 'comfy-gone.mp4'), context()))).code,
    ).toBe('PROVIDER_OUTPUT_EXPIRED');
  });
});
