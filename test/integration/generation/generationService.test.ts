import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationEstimate } from '../../../common/contract/channels/generate';
import type { JobSummary } from '../../../common/contract/channels/job';
import type { KeyStatus } from '../../../common/contract/channels/settingsKeys';
import type { Project } from '../../../common/model';
import { AnimaticAdapter } from '../../../main/providers/animatic/animaticAdapter';
import { ProviderRegistry } from '../../../main/providers/registry';
import { RunwayAdapter } from '../../../main/providers/runway/runwayAdapter';
import { RunwayFake } from '../../helpers/fakeProviders/runwayFake';
import { makeImage, makeVideoClip } from '../../helpers/makeMedia';
import { makeProjectCore } from '../../helpers/projectCore';
import { makeTempDir } from '../../helpers/tempDir';

const runwayKey = `key_${'5a5a5a5a5a5a5a5a'.repeat(8)}`;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('generation through the core: shots → jobs → takes, costs, budget, keys', () => {
  let fake: RunwayFake;
  let media: { path: string; remove: () => Promise<void> };
  let harness: Awaited<ReturnType<typeof makeProjectCore>>;
  let projectFolder: string;

  beforeAll(async () => {
    media = await makeTempDir('shotloom-gen-media-');
    const clip = await makeVideoClip(media.path, { frames: 24, audio: false });
    fake = await RunwayFake.start({ apiKey: runwayKey, outputFile: clip });
    harness = await makeProjectCore({
      env: { PATH: process.env.PATH ?? '' },
      generation: {
        registry: new ProviderRegistry()
          .register(new AnimaticAdapter({ shortSide: 180 }))
          .register(new RunwayAdapter()),
        baseUrls: { runway: fake.url },
        engine: { pollIntervalMs: 30, backoff: { baseMs: 20, capMs: 200 }, importRetryMs: 50 },
      },
    });
    projectFolder = join(media.path, 'Film');
    await harness.call('project:new', {
      name: 'Film',
      location: { kind: 'path', folder: projectFolder },
      width: 320,
      height: 180,
    });
  });
  afterAll(async () => {
    await harness.dispose();
    await fake.close();
    await media.remove();
  });

  const project = (): Project => harness.core.projects.current().document;

  async function finished(jobId: string): Promise<JobSummary> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const event = harness.events.find(
        (entry) => entry.event === 'job:finished' && (entry.payload as { job: JobSummary }).job.id === jobId,
      );
      if (event) return (event.payload as { job: JobSummary }).job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  async function createShot(id: string, fields: Record<string, unknown>): Promise<void> {
    await harness.call('project:edit', {
      command: { type: 'createShot', id, fields: { name: id, durationSeconds: 1, ratio: '16:9', ...fields } },
    });
  }

  it('generates an Animatic take: asset with provenance, last frame, ledger, selected take', async () => {
    const image = await makeImage(media.path, { name: 'key.png' });
    const imported = await harness.core.media.import([{ path: image, name: 'key.png', storage: 'copy' }]);
    const assetId = imported.imported[0]?.assetId ?? '';
    await createShot('shot_a', {
      prompt: 'A lighthouse',
      cameraDirection: 'pushIn',
      keyframes: { first: assetId, middle: null, last: null },
      model: { provider: 'animatic', model: 'animatic' },
    });
    const estimate = await harness.call<GenerationEstimate>('generate:estimate', {
      shotIds: ['shot_a'],
      takes: 2,
    });
    expect(estimate.items[0]).toMatchObject({ cents: 0, basis: 'free', mode: 'imageToVideo', issues: [] });

    const started = await harness.call<{ jobIds: string[]; takeIds: string[] }>('generate:start', {
      shotId: 'shot_a',
    });
    expect(project().takes[started.takeIds[0] ?? '']?.status).toBe('queued');
    const job = await finished(started.jobIds[0] ?? '');
    expect(job.state).toBe('succeeded');

    const take = project().takes[started.takeIds[0] ?? ''];
    expect(take).toMatchObject({
      status: 'succeeded',
      provider: 'animatic',
      model: 'animatic',
      mode: 'imageToVideo',
      jobId: job.id,
    });
    expect(take?.recipe).toMatchObject({
      prompt: 'A lighthouse',
      cameraDirection: 'pushIn',
      keyframes: { first: assetId },
    });
    const output = project().assets[take?.outputAssetId ?? ''];
    expect(output?.origin).toEqual({ kind: 'generated', shotId: 'shot_a', takeId: take?.id });
    expect(output?.media.video).toMatchObject({ width: 320, height: 180, frameCount: 24 });
    expect(output?.path.startsWith('media/')).toBe(true);
    expect(project().assets[take?.lastFrameAssetId ?? '']?.kind).toBe('image');
    expect(project().shots.shot_a?.selectedTakeId).toBe(take?.id);
    expect(project().ledger).toHaveLength(1);
    expect(project().ledger[0]).toMatchObject({ takeId: take?.id, provider: 'animatic', estimatedCents: 0 });
    const jobs = await harness.call<JobSummary[]>('job:list');
    expect(jobs.find((entry) => entry.id === job.id)?.state).toBe('succeeded');
  });

  it('refuses what the model cannot do before any request', async () => {
    await createShot('shot_t', {
      prompt: 'text only',
      model: { provider: 'runway', model: 'gen4_turbo' },
      durationSeconds: 5,
    });
    const result = (await harness.callResult('generate:start', { shotId: 'shot_t' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('CAPABILITY_UNSUPPORTED');
    expect(result.error.message).toMatch(/cannot do text → video/);
    expect(fake.createCount).toBe(0);
  });

  it('stores keys in the main process only; the renderer sees configured / not configured', async () => {
    const before = await harness.call<KeyStatus[]>('settings:keys:list');
    expect(before.find((status) => status.provider === 'runway')).toMatchObject({
      configured: false,
      source: null,
      storage: 'file',
      weak: true,
    });
    const set = await harness.call<KeyStatus>('settings:keys:set', { provider: 'runway', key: runwayKey });
    expect(set).toMatchObject({ provider: 'runway', configured: true, source: 'store' });
    expect(JSON.stringify(set)).not.toContain(runwayKey);
    const tested = await harness.call<{ ok: boolean; detail: string }>('settings:keys:test', {
      provider: 'runway',
    });
    expect(tested).toMatchObject({ ok: true });
    const secrets = join(harness.dataDir, 'secrets.json');
    expect((await stat(secrets)).mode & 0o777).toBe(0o600);
  });

  it('checks the project budget against the ledger and the jobs in flight', async () => {
    harness.core.projects
      .current()
      .update(
        (document) => ({ ...document, settings: { ...document.settings, budgetCents: 100 } }),
        'Budget',
      );
    fake.scripts.push({ runningPolls: 20 });
    await createShot('shot_r', {
      prompt: 'A storm at sea',
      model: { provider: 'runway', model: 'gen4.5' },
      durationSeconds: 5,
    });
    const estimate = await harness.call<GenerationEstimate>('generate:estimate', {
      shotIds: ['shot_r'],
      takes: 2,
    });
    expect(estimate).toMatchObject({ totalCents: 120, budgetCents: 100, withinBudget: false });
    const first = await harness.call<{ jobIds: string[] }>('generate:start', { shotId: 'shot_r' });
    const refused = (await harness.callResult('generate:start', { shotId: 'shot_r' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    const job = await finished(first.jobIds[0] ?? '');
    expect(job).toMatchObject({ state: 'succeeded', actualCostCents: 60 });
    expect(project().ledger.find((entry) => entry.shotId === 'shot_r')).toMatchObject({
      provider: 'runway',
      estimatedCents: 60,
      actualCents: 60,
    });
    expect(fake.createCount).toBe(1);
    harness.core.projects
      .current()
      .update(
        (document) => ({ ...document, settings: { ...document.settings, budgetCents: null } }),
        'Budget',
      );
  });

  it('refuses to retry a moderation failure until the shot is edited', async () => {
    fake.scripts.push({ failure: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'flagged' } });
    const started = await harness.call<{ jobIds: string[] }>('generate:start', { shotId: 'shot_r' });
    const job = await finished(started.jobIds[0] ?? '');
    expect(job).toMatchObject({ state: 'failed', error: { code: 'PROVIDER_MODERATION', moderation: true } });
    expect(project().takes[job.takeId]).toMatchObject({
      status: 'failed',
      error: { code: 'PROVIDER_MODERATION' },
    });
    const refused = (await harness.callResult('job:retry', { jobId: job.id })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROVIDER_MODERATION' } });
    await harness.call('project:edit', {
      command: { type: 'updateShot', shotId: 'shot_r', fields: { prompt: 'A calm sea at dawn' } },
    });
    const retried = await harness.call<JobSummary>('job:retry', { jobId: job.id });
    expect(retried.id).not.toBe(job.id);
    expect((await finished(retried.id)).state).toBe('succeeded');
  });

  it('keeps a finished output until its project is open again, then makes the take', async () => {
    fake.scripts.push({ runningPolls: 6 });
    const started = await harness.call<{ jobIds: string[]; takeIds: string[] }>('generate:start', {
      shotId: 'shot_r',
    });
    await harness.call('project:save');
    // Job updates keep arriving, so the take's later status changes are discarded with the close.
    await harness.call('project:close', { discardChanges: true });
    const jobId = started.jobIds[0] ?? '';
    for (
      let attempt = 0;
      attempt < 400 && harness.core.generation.engine.get(jobId).state !== 'awaitingProject';
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(harness.core.generation.engine.get(jobId).state).toBe('awaitingProject');
    await harness.call('project:open', { location: { kind: 'path', folder: projectFolder } });
    expect((await finished(jobId)).state).toBe('succeeded');
    expect(project().takes[started.takeIds[0] ?? '']).toMatchObject({
      status: 'succeeded',
      actualCostCents: 60,
    });
  });

  it('never writes the key into the project, the journal, events or logs', async () => {
    await harness.call('project:save');
    const files = [...(await filesUnder(projectFolder)), ...(await filesUnder(harness.dataDir))].filter(
      (file) => !file.endsWith('secrets.json') && !/\.(mp4|png|jpg)$/.test(file),
    );
    expect(files.some((file) => file.endsWith('journal.jsonl'))).toBe(true);
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      expect(text.includes(runwayKey), file).toBe(false);
      expect(text.includes(runwayKey.slice(4, 36)), file).toBe(false);
    }
    expect(JSON.stringify(harness.events)).not.toContain(runwayKey.slice(4, 36));
    const cleared = await harness.call<KeyStatus>('settings:keys:clear', { provider: 'runway' });
    expect(cleared.configured).toBe(false);
  });
});
