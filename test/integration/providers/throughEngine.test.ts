import { readFile, stat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../common/catalog/providerIds';
import { CometAdapter } from '../../../main/providers/cometapi/cometAdapter';
import { ComfyAdapter } from '../../../main/providers/comfyui/comfyAdapter';
import { FalAdapter } from '../../../main/providers/fal/falAdapter';
import { LumaAdapter } from '../../../main/providers/luma/lumaAdapter';
import { SoraAdapter } from '../../../main/providers/openai/soraAdapter';
import { ProviderRegistry } from '../../../main/providers/registry';
import { ReplicateAdapter } from '../../../main/providers/replicate/replicateAdapter';
import type { GenerationRequest, ProviderAdapter } from '../../../main/providers/types';
import { VeoAdapter } from '../../../main/providers/veo/veoAdapter';
import { baseRequest, rejectionOf, stillMedia } from '../../helpers/fakeProviders/adapterTestKit';
import { startFakeComet } from '../../helpers/fakeProviders/cometapi';
import { startFakeComfy } from '../../helpers/fakeProviders/comfyui';
import { makeHarness, type Harness } from '../../helpers/fakeProviders/engineHarness';
import { startFakeFal } from '../../helpers/fakeProviders/fal';
import type { FakeServer } from '../../helpers/fakeProviders/fakeServerBase';
import { startFakeLuma } from '../../helpers/fakeProviders/luma';
import { startFakeOpenAi } from '../../helpers/fakeProviders/openai';
import { startFakeReplicate } from '../../helpers/fakeProviders/replicate';
import { startFakeVeo } from '../../helpers/fakeProviders/veo';
import { makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Each adapter through the real job engine (journal, backoff, download, ffprobe check, import)
 * against its fake serving a real MP4: the job succeeds with exactly one accepted create.
 */

const key = 'engine-test-key-0123456789abcdef';
let dir: { path: string; remove: () => Promise<void> };
let clip: Buffer;
let first: Awaited<ReturnType<typeof stillMedia>>;
let last: Awaited<ReturnType<typeof stillMedia>>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = await makeTempDir('shotloom-engine-providers-');
  clip = await readFile(await makeVideoClip(dir.path, { width: 320, height: 180, frames: 24, audio: false }));
  first = await stillMedia(dir.path, 832, 480, 'engine-first.png');
  last = await stillMedia(dir.path, 832, 480, 'engine-last.png');
});
afterAll(async () => {
  await dir.remove();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let counter = 0;
async function runThroughEngine(
  adapter: ProviderAdapter,
  provider: ProviderId,
  baseUrl: string,
  request: GenerationRequest,
) {
  counter += 1;
  const data = await makeTempDir('shotloom-engine-');
  const harness: Harness = await makeHarness({
    dataDir: data.path,
    registry: new ProviderRegistry().register(adapter),
    keys: { [provider]: key },
    baseUrls: { [provider]: baseUrl },
  });
  cleanups.push(async () => {
    await harness.stop();
    await data.remove();
  });
  const job = await harness.engine.submit({
    id: `job_engine${counter}`,
    request,
    shotId: 'shot_1',
    takeId: `take_${counter}`,
    projectFolder: data.path,
    estimatedCostCents: adapter.estimateCost(request).cents,
  });
  const finished = await harness.finished(job.id);
  return { finished, harness };
}

async function expectImported(harness: Harness) {
  expect(harness.importer.imported).toHaveLength(1);
  expect((await stat(harness.importer.imported[0]!.file)).size).toBe(clip.length);
}

function track(server: FakeServer | { close(): Promise<void> }) {
  cleanups.push(() => server.close());
}

describe('CometAPI, Veo, Luma, Replicate, fal, ComfyUI and Sora adapters through the job engine', () => {
  it('CometAPI Veo 3.1 first + last frame', async () => {
    const { server, api, baseUrl } = await startFakeComet(key);
    track(server);
    api.contentFile = clip;
    const { finished, harness } = await runThroughEngine(
      new CometAdapter({ pollIntervalMs: 10 }),
      'cometapi',
      baseUrl,
      baseRequest('cometapi', 'veo3.1', {
        mode: 'firstLastFrame',
        durationSeconds: 8,
        keyframes: { first, middle: null, last },
      }),
    );
    expect(finished.state).toBe('succeeded');
    expect(api.createCount).toBe(1);
    expect(api.schemaErrors).toEqual([]);
    await expectImported(harness);
  });

  it('Google Veo on the Gemini API', async () => {
    const { server, veo } = await startFakeVeo(key);
    track(server);
    veo.contentFile = clip;
    const { finished, harness } = await runThroughEngine(
      new VeoAdapter({ pollIntervalMs: 10 }),
      'google',
      server.url,
      baseRequest('google', 'veo-3.1-generate-preview', { durationSeconds: 8 }),
    );
    expect(finished.state).toBe('succeeded');
    expect(veo.createCount).toBe(1);
    await expectImported(harness);
  });

  it('Luma ray-2', async () => {
    const { server, luma } = await startFakeLuma(key);
    track(server);
    luma.contentFile = clip;
    const { finished, harness } = await runThroughEngine(
      new LumaAdapter({ pollIntervalMs: 10 }),
      'luma',
      luma.baseUrl,
      baseRequest('luma', 'ray-2', { durationSeconds: 5 }),
    );
    expect(finished.state).toBe('succeeded');
    expect(luma.createCount).toBe(1);
    await expectImported(harness);
  });

  it('Replicate: a 429 on create is waited out by the engine (Retry-After), then one prediction', async () => {
    const { server, replicate } = await startFakeReplicate(key);
    track(server);
    replicate.contentFile = clip;
    server.inject('POST', '/v1/models/:owner/:name/predictions', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after-ms': '150' },
      body: { detail: 'Request was throttled.' },
    });
    const { finished, harness } = await runThroughEngine(
      new ReplicateAdapter({ pollIntervalMs: 10 }),
      'replicate',
      replicate.baseUrl,
      baseRequest('replicate', 'google/veo-3.1', { durationSeconds: 8 }),
    );
    expect(finished.state).toBe('succeeded');
    expect(replicate.createCount).toBe(2);
    expect(replicate.predictions.size).toBe(1);
    await expectImported(harness);
  });

  it('fal Kling v3 image to video', async () => {
    const { server, fal } = await startFakeFal(key);
    track(server);
    fal.contentFile = clip;
    const { finished, harness } = await runThroughEngine(
      new FalAdapter({ pollIntervalMs: 10 }),
      'fal',
      server.url,
      baseRequest('fal', 'fal-ai/kling-video/v3/pro/image-to-video', {
        mode: 'imageToVideo',
        durationSeconds: 5,
        keyframes: { first, middle: null, last: null },
      }),
    );
    expect(finished.state).toBe('succeeded');
    expect(fal.submitCount).toBe(1);
    await expectImported(harness);
  });

  it('ComfyUI Wan image to video', async () => {
    const comfy = await startFakeComfy();
    track(comfy);
    comfy.contentFile = clip;
    const adapter = new ComfyAdapter({ pollIntervalMs: 10 });
    cleanups.push(async () => adapter.close());
    const { finished, harness } = await runThroughEngine(
      adapter,
      'comfyui',
      comfy.server.url,
      baseRequest('comfyui', 'wan-image-to-video', {
        mode: 'imageToVideo',
        durationSeconds: 2,
        keyframes: { first, middle: null, last: null },
      }),
    );
    expect(finished.state).toBe('succeeded');
    expect(comfy.promptPosts).toBe(1);
    await expectImported(harness);
  });

  it('OpenAI Sora 2 is refused before any request: retired, use CometAPI', async () => {
    const { server, baseUrl } = await startFakeOpenAi(key);
    track(server);
    const error = await rejectionOf(
      runThroughEngine(
        new SoraAdapter(),
        'openai',
        baseUrl,
        baseRequest('openai', 'sora-2', { durationSeconds: 8 }),
      ),
    );
    expect(error.code).toBe('PROVIDER_MODEL_RETIRED');
    expect(error.message).toContain('CometAPI');
    expect(server.requests).toHaveLength(0);
  });
});
