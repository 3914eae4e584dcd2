import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeMedia } from '../../../main/ffmpeg/ffprobe';
import { ProviderRegistry } from '../../../main/providers/registry';
import { RunwayAdapter } from '../../../main/providers/runway/runwayAdapter';
import type { GenerationRequest, LocalMedia } from '../../../main/providers/types';
import { stillMedia, testAdapterContext, testRequest } from '../../helpers/fakeProviders/adapterContext';
import { makeHarness, type Harness } from '../../helpers/fakeProviders/engineHarness';
import { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { RunwayFake } from '../../helpers/fakeProviders/runwayFake';
import { ffprobeBinary, makeImage, makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = `key_${'0123456789abcdef'.repeat(8)}`;
let media: { path: string; remove: () => Promise<void> };
let clip: string;
let first: LocalMedia;
let last: LocalMedia;

beforeAll(async () => {
  media = await makeTempDir('shotloom-runway-media-');
  clip = await makeVideoClip(media.path, { frames: 24, audio: false });
  first = stillMedia(await makeImage(media.path, { name: 'first.png' }));
  last = stillMedia(await makeImage(media.path, { name: 'last.png', width: 400, height: 300 }));
});
afterAll(async () => media.remove());

function runwayRequest(overrides: Partial<GenerationRequest>): GenerationRequest {
  return testRequest({
    provider: 'runway',
    model: 'gen4.5',
    mode: 'textToVideo',
    durationSeconds: 5,
    ...overrides,
  });
}

describe('Runway adapter through the job engine, against a fake Runway server', () => {
  let fake: RunwayFake;
  let dir: { path: string; remove: () => Promise<void> };
  let harness: Harness;
  let jobCounter = 0;

  beforeEach(async () => {
    fake = await RunwayFake.start({ apiKey, outputFile: clip, retiredModels: ['gen4_aleph'] });
    dir = await makeTempDir('shotloom-runway-');
    harness = await makeHarness({
      dataDir: dir.path,
      registry: new ProviderRegistry().register(new RunwayAdapter()),
      keys: { runway: apiKey },
      baseUrls: { runway: fake.url },
    });
  });
  afterEach(async () => {
    await harness.stop();
    await fake.close();
    await dir.remove();
  });

  async function run(request: GenerationRequest) {
    jobCounter += 1;
    const job = await harness.engine.submit({
      id: `job_${jobCounter}`,
      request,
      shotId: 'shot_1',
      takeId: `take_${jobCounter}`,
      projectFolder: dir.path,
      estimatedCostCents: new RunwayAdapter().estimateCost(request).cents,
    });
    return harness.finished(job.id);
  }

  it('gen4.5 text→video: progress, provider cost, a verified output, one create', async () => {
    const job = await run(runwayRequest({ prompt: 'A lighthouse at dusk', cameraDirection: 'dollyIn' }));
    expect(job.state).toBe('succeeded');
    expect(fake.createCount).toBe(1);
    const body = fake.server.seen('POST', '/v1/text_to_video')[0]?.json as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gen4.5', ratio: '1280:720', duration: 5 });
    expect(String(body.promptText)).toMatch(/A lighthouse at dusk\. Camera: slow dolly in\./);
    const progress = harness.events
      .map((entry) => entry.job.progress)
      .filter((value): value is number => value !== null && value < 1);
    expect(progress).toEqual(expect.arrayContaining([1 / 3, 2 / 3]));
    expect(job.estimatedCostCents).toBe(60);
    expect(job.actualCostCents).toBe(60);
    const imported = harness.importer.imported[0];
    expect(imported?.jobId).toBe(job.id);
    const probed = await probeMedia(imported?.file ?? '', { ffprobePath: ffprobeBinary() });
    expect(probed.facts.video?.frameCount).toBe(24);
  });

  it('uploads local keyframes (ephemeral uploads) for gen4_turbo and veo3.1 first+last', async () => {
    const turbo = await run(
      runwayRequest({
        model: 'gen4_turbo',
        mode: 'imageToVideo',
        keyframes: { first, middle: null, last: null },
      }),
    );
    expect(turbo.state).toBe('succeeded');
    const veo = await run(
      runwayRequest({
        model: 'veo3.1',
        mode: 'firstLastFrame',
        durationSeconds: 8,
        audio: true,
        keyframes: { first, middle: null, last },
      }),
    );
    expect(veo.state).toBe('succeeded');
    expect(fake.uploads.map((upload) => upload.filename)).toEqual(['first.png', 'first.png', 'last.png']);
    const bodies = fake.server
      .seen('POST', '/v1/image_to_video')
      .map((request) => request.json as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({ model: 'gen4_turbo', promptImage: [{ position: 'first' }] });
    expect(bodies[1]).toMatchObject({
      model: 'veo3.1',
      audio: true,
      duration: 8,
      promptImage: [{ position: 'first' }, { position: 'last' }],
    });
    expect(String((bodies[1]?.promptImage as Array<{ uri: string }>)[1]?.uri)).toMatch(
      /^runway:\/\/uploads\//,
    );
    expect(veo.estimatedCostCents).toBe(96); // the provider's estimate (12 credits/s × 8 s) replaces the catalog's
  });

  it('aleph2 video→video uploads the source video', async () => {
    const sourceVideo: LocalMedia = {
      path: clip,
      kind: 'video',
      mimeType: 'video/mp4',
      sizeBytes: 1,
      durationSeconds: 1,
    };
    const job = await run(
      runwayRequest({ model: 'aleph2', mode: 'videoToVideo', sourceVideo, prompt: 'make it snow' }),
    );
    expect(job.state).toBe('succeeded');
    const body = fake.server.seen('POST', '/v1/video_to_video')[0]?.json as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'aleph2', promptText: 'make it snow' });
    expect(String(body.videoUri)).toMatch(/^runway:\/\//);
  });

  it('act_two: the first keyframe is the character, the source video the performance', async () => {
    const sourceVideo: LocalMedia = {
      path: clip,
      kind: 'video',
      mimeType: 'video/mp4',
      sizeBytes: 1,
      durationSeconds: 1,
    };
    const job = await run(
      runwayRequest({
        model: 'act_two',
        mode: 'videoToVideo',
        sourceVideo,
        keyframes: { first, middle: null, last: null },
        ratio: '9:16',
      }),
    );
    expect(job.state).toBe('succeeded');
    const body = fake.server.seen('POST', '/v1/character_performance')[0]?.json as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'act_two',
      ratio: '720:1280',
      character: { type: 'image' },
      reference: { type: 'video' },
    });
    expect(fake.uploads.map((upload) => upload.filename)).toEqual([
      'first.png',
      expect.stringMatching(/\.mp4$/),
    ]);
  });

  it('400 → PROVIDER_BAD_REQUEST, not retried', async () => {
    fake.server.inject('POST', '/v1/text_to_video', {
      kind: 'status',
      status: 400,
      body: { error: 'promptText: too long' },
    });
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({ state: 'failed', error: { code: 'PROVIDER_BAD_REQUEST' } });
    expect(job.error?.message).toMatch(/promptText: too long/);
    expect(fake.createCount).toBe(1);
  });

  it('401 → PROVIDER_AUTH, and the key never appears in the error', async () => {
    await harness.stop();
    harness = await makeHarness({
      dataDir: dir.path,
      registry: new ProviderRegistry().register(new RunwayAdapter()),
      keys: { runway: `${apiKey.slice(0, -4)}beef` },
      baseUrls: { runway: fake.url },
    });
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({ state: 'failed', error: { code: 'PROVIDER_AUTH' } });
    expect(JSON.stringify(harness.events)).not.toContain(apiKey.slice(4, 40));
    expect(fake.createCount).toBe(1);
  });

  it('404 on a retired model → PROVIDER_MODEL_RETIRED', async () => {
    const sourceVideo: LocalMedia = { path: clip, kind: 'video', mimeType: 'video/mp4', sizeBytes: 1 };
    const job = await run(
      runwayRequest({ model: 'gen4_aleph', mode: 'videoToVideo', sourceVideo, prompt: 'snow' }),
    );
    expect(job).toMatchObject({
      state: 'failed',
      error: { code: 'PROVIDER_MODEL_RETIRED', retryable: false },
    });
    expect(job.error?.message).toMatch(/retired/);
  });

  it('429 with Retry-After: waits at least that long, then creates exactly one task', async () => {
    fake.server.inject('POST', '/v1/text_to_video', {
      kind: 'status',
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'retry-after': '1' },
    });
    const started = Date.now();
    const job = await run(runwayRequest({}));
    expect(job.state).toBe('succeeded');
    const creates = fake.server.seen('POST', '/v1/text_to_video');
    expect(creates).toHaveLength(2);
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.taskCount).toBe(1);
    expect(
      harness.events.some((entry) => entry.job.waiting === 'rateLimited' && entry.job.nextAttemptAt !== null),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('5xx: a 503 on create and 500s on polls are retried with backoff', async () => {
    fake.server.inject('POST', '/v1/text_to_video', {
      kind: 'status',
      status: 503,
      body: { error: 'overloaded' },
    });
    fake.server.inject('GET', '/v1/tasks/:id', { kind: 'status', status: 500, body: { error: 'oops' } }, 2);
    const job = await run(runwayRequest({}));
    expect(job.state).toBe('succeeded');
    expect(fake.taskCount).toBe(1);
    expect(harness.events.some((entry) => entry.job.waiting === 'unavailable')).toBe(true);
  });

  it('a 500 on create is uncertain (the task may exist): never resubmitted', async () => {
    fake.server.inject('POST', '/v1/text_to_video', {
      kind: 'status',
      status: 500,
      body: { error: 'internal' },
    });
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({ state: 'uncertain', error: { code: 'PROVIDER_UNCERTAIN' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.createCount).toBe(1);
  });

  it('moderation (SAFETY.INPUT.TEXT) fails without retry', async () => {
    fake.scripts.push({ failure: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'Prompt flagged' } });
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({
      state: 'failed',
      error: { code: 'PROVIDER_MODERATION', moderation: true, retryable: false },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.createCount).toBe(1);
  });

  it('THROTTLED shows as queued (waiting: throttled), then completes', async () => {
    fake.scripts.push({ throttledPolls: 2 });
    const job = await run(runwayRequest({}));
    expect(job.state).toBe('succeeded');
    expect(harness.events.some((entry) => entry.job.waiting === 'throttled')).toBe(true);
  });

  it('a timeout after the server accepted the create → uncertain, exactly one create', async () => {
    await harness.stop();
    harness = await makeHarness({
      dataDir: dir.path,
      registry: new ProviderRegistry().register(new RunwayAdapter()),
      keys: { runway: apiKey },
      baseUrls: { runway: fake.url },
      engine: { createTimeoutMs: 400 },
    });
    fake.server.inject('POST', '/v1/text_to_video', { kind: 'acceptThenHang' });
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({ state: 'uncertain', error: { code: 'PROVIDER_UNCERTAIN', retryable: true } });
    expect(job.error?.message).toMatch(/may have started \(and charged\)/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.createCount).toBe(1);
    expect(fake.taskCount).toBe(1);
  });

  it('an expired output link: re-fetches the task for a fresh link', async () => {
    fake.expireDownloads = 1;
    const job = await run(runwayRequest({}));
    expect(job.state).toBe('succeeded');
    const downloads = fake.server.seen('GET', '/cdn/outputs/:name');
    expect(downloads.map((request) => request.query.get('sig'))).toEqual(['1', '2']);
  });

  it('a download cut mid-way resumes with Range and verifies', async () => {
    fake.cutDownloads = 1;
    fake.cutAfterBytes = 10_000;
    const job = await run(runwayRequest({}));
    expect(job.state).toBe('succeeded');
    const downloads = fake.server.seen('GET', '/cdn/outputs/:name');
    expect(downloads).toHaveLength(2);
    expect(downloads[1]?.headers.range).toBe('bytes=10000-');
    const probed = await probeMedia(harness.importer.imported[0]?.file ?? '', {
      ffprobePath: ffprobeBinary(),
    });
    expect(probed.facts.video?.frameCount).toBe(24);
  });

  it('an HTML page instead of a video fails ffprobe verification: retried, then a clear error', async () => {
    fake.htmlDownloads = 1;
    const recovered = await run(runwayRequest({}));
    expect(recovered.state).toBe('succeeded');
    fake.htmlDownloads = 10;
    const job = await run(runwayRequest({}));
    expect(job).toMatchObject({ state: 'failed', error: { code: 'PROVIDER_FAILED', retryable: true } });
    expect(job.error?.message).toMatch(/not a playable video/);
    expect(harness.importer.imported.map((entry) => entry.jobId)).toEqual([recovered.id]);
  });

  it('cancel asks Runway to stop the task (DELETE /v1/tasks/{id})', async () => {
    fake.scripts.push({ runningPolls: 1000 });
    jobCounter += 1;
    const submitted = await harness.engine.submit({
      id: `job_${jobCounter}`,
      request: runwayRequest({}),
      shotId: 'shot_1',
      takeId: `take_${jobCounter}`,
      projectFolder: dir.path,
      estimatedCostCents: 60,
    });
    for (let attempt = 0; attempt < 200 && harness.engine.get(submitted.id).progress === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await harness.engine.cancel(submitted.id);
    expect(cancelled.state).toBe('cancelled');
    expect(fake.server.count('DELETE', '/v1/tasks/:id')).toBe(1);
  });

  it('an unreachable Runway (connection refused) is offline: safe to send later, not uncertain', async () => {
    const closed = await FakeServer.start();
    const url = closed.url;
    await closed.close();
    const adapter = new RunwayAdapter();
    const error = await adapter
      .create(runwayRequest({}), testAdapterContext({ workDir: dir.path, apiKey, baseUrl: url }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', offline: true, retryable: true });
  });

  it('testKey calls organization.retrieve', async () => {
    const adapter = new RunwayAdapter();
    const good = await adapter.testKey(testAdapterContext({ workDir: dir.path, apiKey, baseUrl: fake.url }));
    expect(good).toEqual({ ok: true, detail: expect.stringMatching(/12345 credits/) });
    const bad = await adapter.testKey(
      testAdapterContext({ workDir: dir.path, apiKey: 'key_wrong', baseUrl: fake.url }),
    );
    expect(bad.ok).toBe(false);
    expect(fake.server.count('GET', '/v1/organization')).toBe(2);
  });
});
