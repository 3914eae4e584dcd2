import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../main/providers/errors';
import { ProviderRegistry } from '../../../main/providers/registry';
import type {
  AdapterContext,
  CreateResult,
  DownloadResult,
  GenerationOutput,
  PollResult,
  ProviderAdapter,
  UncertainCreate,
} from '../../../main/providers/types';
import { JobJournal } from '../../../main/services/jobs/jobJournal';
import { newJobRecord } from '../../../main/services/jobs/jobRecord';
import { testRequest } from '../../helpers/fakeProviders/adapterContext';
import { makeHarness, type Harness } from '../../helpers/fakeProviders/engineHarness';
import { makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';
import { copyFile } from 'node:fs/promises';

/**
 * A scripted in-process adapter (no HTTP) to exercise the engine's own rules: concurrency, offline
 * waiting, reconciliation of uncertain creates, cancel, and a restart during a create.
 */
class ScriptedAdapter implements ProviderAdapter {
  readonly id = 'luma' as const;
  readonly requiresKey = true;
  readonly defaultConcurrency = 2;
  readonly pollIntervalMs = 10;
  creates: string[] = [];
  active = 0;
  maxActive = 0;
  pollsPerTask = 3;
  /** Errors thrown by the next creates, in order. */
  createErrors: Error[] = [];
  /** What reconcile answers. */
  reconcileAnswer: string | null | undefined = undefined;
  reconciled: UncertainCreate[] = [];
  cancelled: string[] = [];
  private readonly polls = new Map<string, number>();

  constructor(private readonly clip: string) {}

  validate(): void {}
  estimateCost() {
    return { cents: 10, basis: 'catalog' as const, note: 'test' };
  }
  async create(_request: unknown, context: AdapterContext): Promise<CreateResult> {
    const error = this.createErrors.shift();
    if (error) throw error;
    this.creates.push(context.jobId);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    return { taskId: `task_${context.jobId}` };
  }
  async poll(taskId: string): Promise<PollResult> {
    const count = (this.polls.get(taskId) ?? 0) + 1;
    this.polls.set(taskId, count);
    if (this.cancelled.includes(taskId)) return { status: 'cancelled' };
    if (count < this.pollsPerTask) return { status: 'running', progress: count / this.pollsPerTask };
    this.active -= 1;
    return { status: 'succeeded', outputs: [{ kind: 'localPath', path: this.clip }], costCents: 9 };
  }
  async cancel(taskId: string): Promise<void> {
    this.cancelled.push(taskId);
    this.active -= 1;
  }
  async reconcile(uncertain: UncertainCreate): Promise<string | null | undefined> {
    this.reconciled.push(uncertain);
    return this.reconcileAnswer;
  }
  async download(output: GenerationOutput, destination: string): Promise<DownloadResult> {
    if (output.kind !== 'localPath') throw new Error('local only');
    await copyFile(output.path, destination);
    return { bytes: 1, contentType: 'video/mp4' };
  }
  async testKey() {
    return { ok: true, detail: 'fine' };
  }
}

let media: { path: string; remove: () => Promise<void> };
let clip: string;
beforeAll(async () => {
  media = await makeTempDir('shotloom-engine-media-');
  clip = await makeVideoClip(media.path, { frames: 12, audio: false });
});
afterAll(async () => media.remove());

describe('JobEngine rules', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let adapter: ScriptedAdapter;
  let harness: Harness;
  const request = testRequest({ provider: 'luma', model: 'ray-2', durationSeconds: 5 });
  const submit = (id: string) =>
    harness.engine.submit({
      id,
      request,
      shotId: 'shot',
      takeId: `take_${id}`,
      projectFolder: dir.path,
      estimatedCostCents: 10,
    });

  beforeEach(async () => {
    dir = await makeTempDir('shotloom-engine-');
    adapter = new ScriptedAdapter(clip);
    harness = await makeHarness({
      dataDir: dir.path,
      registry: new ProviderRegistry().register(adapter),
      keys: { luma: 'luma-key-123' },
    });
  });
  afterEach(async () => {
    await harness.stop();
    await dir.remove();
  });

  it('holds each provider to its concurrency limit', async () => {
    const jobs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(submit));
    for (const job of jobs) expect((await harness.finished(job.id)).state).toBe('succeeded');
    expect(adapter.creates).toHaveLength(5);
    expect(adapter.maxActive).toBe(2);
    expect(harness.events.some((entry) => entry.job.waiting === 'concurrency')).toBe(true);
  });

  it('waits while offline (nothing sent) and goes on when the provider is reachable again', async () => {
    const offline = () =>
      new ProviderError('PROVIDER_UNAVAILABLE', 'Could not reach Luma (offline?)', {
        retryable: true,
        offline: true,
      });
    adapter.createErrors.push(offline(), offline(), offline());
    const job = await submit('off');
    expect((await harness.finished(job.id)).state).toBe('succeeded');
    expect(harness.events.filter((entry) => entry.job.waiting === 'offline').length).toBeGreaterThanOrEqual(
      3,
    );
    expect(adapter.creates).toEqual(['off']);
  });

  it('reconciles an uncertain create through the provider instead of resending it', async () => {
    adapter.createErrors.push(
      new ProviderError('PROVIDER_UNCERTAIN', 'timed out after sending', { retryable: false }),
    );
    adapter.reconcileAnswer = 'task_found_by_list';
    const job = await submit('unsure');
    const states: string[] = [];
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const current = harness.engine.get(job.id);
      states.push(current.state);
      if (current.state === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(states).toContain('succeeded');
    expect(harness.engine.get(job.id).taskId).toBe('task_found_by_list');
    expect(adapter.reconciled[0]?.jobId).toBe('unsure');
    expect(adapter.creates).toEqual([]);
  });

  it('fails with KEY_MISSING (nothing sent) when the provider has no key', async () => {
    await harness.stop();
    harness = await makeHarness({ dataDir: dir.path, registry: new ProviderRegistry().register(adapter) });
    const job = await harness.finished((await submit('nokey')).id);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'KEY_MISSING', retryable: true } });
    expect(adapter.creates).toEqual([]);
  });

  it('cancels a queued job without any request, and a running one through the provider', async () => {
    adapter.pollsPerTask = 10_000;
    const running = await submit('run1');
    await submit('run2');
    const queued = await submit('queued');
    for (let attempt = 0; attempt < 200 && harness.engine.get('run1').state !== 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await harness.engine.cancel(queued.id)).state).toBe('cancelled');
    expect(adapter.creates).not.toContain('queued');
    expect((await harness.engine.cancel(running.id)).state).toBe('cancelled');
    expect(adapter.cancelled).toEqual(['task_run1']);
    await expect(harness.engine.cancel(running.id)).rejects.toThrow(/already cancelled/);
  });

  it('after a crash during a create: the job is uncertain and never resent; reconcile may prove nothing started', async () => {
    await harness.stop();
    const journal = new JobJournal(join(dir.path, 'jobs', 'journal.jsonl'));
    await journal.load();
    const crashed = newJobRecord(
      {
        id: 'crashed',
        request,
        shotId: 'shot',
        takeId: 'take_c',
        projectFolder: dir.path,
        estimatedCostCents: 10,
      },
      new Date().toISOString(),
    );
    await journal.write({ ...crashed, state: 'submitting', sentAt: new Date().toISOString() });
    await journal.close();
    adapter.reconcileAnswer = null;
    harness = await makeHarness({
      dataDir: dir.path,
      registry: new ProviderRegistry().register(adapter),
      keys: { luma: 'luma-key-123' },
    });
    for (let attempt = 0; attempt < 100 && harness.engine.get('crashed').state !== 'failed'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(
      harness.events.some((entry) => entry.job.id === 'crashed' && entry.job.state === 'uncertain'),
    ).toBe(true);
    expect(harness.engine.get('crashed')).toMatchObject({ state: 'failed', error: { retryable: true } });
    expect(harness.engine.get('crashed').error?.message).toMatch(/nothing was started or charged/);
    expect(adapter.creates).toEqual([]);
  });
});
