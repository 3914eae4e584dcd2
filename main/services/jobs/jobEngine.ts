import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, type EventName, type EventPayload } from '../../../common/contract';
import type { JobSummary } from '../../../common/contract/channels/job';
import type { ProviderId } from '../../../common/catalog/providerIds';
import { isProviderError } from '../../providers/errors';
import type { ProviderRegistry } from '../../providers/registry';
import type { AdapterContext, ProviderAdapter } from '../../providers/types';
import { defaultBackoff, pollDelayMs, retryDelayMs, sleep, type BackoffPolicy } from './backoff';
import type { JobJournal } from './jobJournal';
import { isTerminal, jobError, newJobRecord, toSummary, type JobRecord, type NewJob } from './jobRecord';
import { downloadAndVerify } from './outputPipeline';
import { ProviderSlots } from './providerSlots';

/** Where finished outputs go: the generation service registers them as takes in their project. */
export interface TakeImporter {
  /** Told about every change of a job (the take's status in the project). Must not throw. */
  jobChanged(job: JobSummary): void;
  /** A folder on the same disk as the job's project media, for the download. */
  stagingFolder(job: JobSummary): string;
  /** Makes the verified file the job's take; null when the job's project is not open (try later). */
  importOutput(job: JobRecord, file: string): Promise<{ assetId: string } | null>;
}

export interface JobEngineOptions {
  journal: JobJournal;
  registry: ProviderRegistry;
  /** The key for a provider, from the secret store or the environment; null when none. */
  resolveKey(provider: ProviderId): Promise<string | null>;
  binaries: AdapterContext['binaries'];
  /** Scratch space for adapters (Animatic renders), stable across restarts. */
  workDir: string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  importer: TakeImporter;
  /** Base URL overrides per provider (fake servers in tests, a proxy). */
  baseUrls?: Partial<Record<ProviderId, string>>;
  /** Jobs with an open task per provider; defaults to each adapter's defaultConcurrency. */
  concurrency?: Partial<Record<ProviderId, number>>;
  backoff?: BackoffPolicy;
  /** Floor for poll intervals (tests shorten adapters' intervals with pollIntervalMs). */
  pollIntervalMs?: number;
  createTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How often a job waiting for its project checks again. */
  importRetryMs?: number;
  /** Create attempts refused by the provider (429/502/503) before the job fails. */
  maxCreateAttempts?: number;
  random?: () => number;
  log?: (message: string) => void;
}

const maxDownloadAttempts = 6;
const maxOutputRefreshes = 3;
const maxVerifyFailures = 2;

/**
 * The one scheduler of generation jobs in the main process. Every job is journaled before each
 * remote call; a create is sent at most once per job (an unclear outcome becomes `uncertain`, then
 * reconciled through the provider when it can be, never resubmitted); polls back off with jitter
 * and honour Retry-After; outputs are streamed, verified with ffprobe and handed to the importer.
 * A new engine over the same journal resumes every unfinished job.
 */
export class JobEngine {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly drivers = new Map<string, Promise<void>>();
  private readonly slots: ProviderSlots;
  private readonly holding = new Set<string>();
  private readonly lastJournaled = new Map<string, number>();
  private stopped = false;
  private readonly random: () => number;

  constructor(private readonly options: JobEngineOptions) {
    this.random = options.random ?? Math.random;
    this.slots = new ProviderSlots((provider) => {
      const configured = options.concurrency?.[provider as ProviderId];
      if (configured !== undefined) return configured;
      return options.registry.has(provider) ? options.registry.get(provider).defaultConcurrency : 1;
    });
  }

  /** Loads the journal and resumes every unfinished job (polling by task id; never a new create). */
  async start(): Promise<void> {
    await mkdir(this.options.workDir, { recursive: true });
    for (const job of await this.options.journal.load()) {
      this.jobs.set(job.id, job);
      if (isTerminal(job.state)) continue;
      if (job.state === 'submitting') {
        // The process died during a create: the task may exist. Reconcile, never resubmit.
        await this.markUncertain(job, 'Shotloom stopped while the request was being sent');
        void this.reconcile(job);
        continue;
      }
      if (job.taskId !== null && job.state === 'running') {
        this.slots.force(job.provider);
        this.holding.add(job.id);
      }
      this.drive(job);
    }
  }

  /** Queues a new job; it is journaled before this resolves. */
  async submit(spec: NewJob): Promise<JobSummary> {
    if (this.stopped) throw new AppError('CONFLICT', 'The job engine has stopped.');
    const adapter = this.options.registry.get(spec.request.provider);
    adapter.validate(spec.request);
    const job = newJobRecord(spec, new Date().toISOString());
    this.jobs.set(job.id, job);
    await this.persist(job);
    this.drive(job);
    return toSummary(job);
  }

  list(): JobSummary[] {
    return [...this.jobs.values()]
      .sort((a, b) => {
        const activeA = isTerminal(a.state) ? 1 : 0;
        const activeB = isTerminal(b.state) ? 1 : 0;
        return activeA - activeB || b.createdAt.localeCompare(a.createdAt);
      })
      .map(toSummary);
  }

  get(jobId: string): JobRecord {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${jobId}.`);
    return job;
  }

  /** Cancels a job; asks the provider to stop its task where it can. */
  async cancel(jobId: string): Promise<JobSummary> {
    const job = this.get(jobId);
    if (isTerminal(job.state)) throw new AppError('CONFLICT', `This job has already ${job.state}.`);
    if (job.state === 'submitting') {
      // The create is in flight: let it finish, then cancel the task it started.
      job.cancelRequested = true;
      await this.persist(job);
      return toSummary(job);
    }
    this.controllers.get(jobId)?.abort();
    await this.drivers.get(jobId);
    await this.cancelRemote(job);
    if (job.stagedFile) await rm(job.stagedFile, { force: true });
    await this.finish(job, 'cancelled', null);
    return toSummary(job);
  }

  /** Stops every job loop (jobs stay journaled and resume in the next engine). */
  async shutdown(): Promise<void> {
    this.stopped = true;
    for (const controller of this.controllers.values()) controller.abort();
    await Promise.allSettled([...this.drivers.values()]);
    await this.options.journal.close();
  }

  /** Jobs still running and what they are expected to cost (for the budget check). */
  inFlightCents(): number {
    let cents = 0;
    for (const job of this.jobs.values()) {
      if (!isTerminal(job.state)) cents += job.actualCostCents ?? job.estimatedCostCents ?? 0;
    }
    return cents;
  }

  // the per-job loop -----------------------------------------------------------------------------

  private drive(job: JobRecord): void {
    if (this.drivers.has(job.id) || this.stopped) return;
    const controller = new AbortController();
    this.controllers.set(job.id, controller);
    const run = this.loop(job, controller.signal)
      .catch(async (error: unknown) => {
        if (controller.signal.aborted) return;
        const shape = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
        this.log(`job ${job.id}: unexpected ${shape.code} ${shape.message}`);
        await this.finish(job, 'failed', jobError(shape.code, shape.message, { detail: shape.detail }));
      })
      .finally(() => {
        this.drivers.delete(job.id);
        this.controllers.delete(job.id);
        this.releaseSlot(job);
      });
    this.drivers.set(job.id, run);
  }

  private async loop(job: JobRecord, signal: AbortSignal): Promise<void> {
    const adapter = this.options.registry.get(job.provider);
    while (!signal.aborted && !isTerminal(job.state)) {
      switch (job.state) {
        case 'queued':
          await this.submitStep(job, adapter, signal);
          break;
        case 'running':
          await this.pollStep(job, adapter, signal);
          break;
        case 'downloading':
          await this.downloadStep(job, adapter, signal);
          break;
        case 'importing':
        case 'awaitingProject':
          await this.importStep(job, signal);
          break;
        case 'submitting':
          await this.markUncertain(job, 'The request state is unknown');
          return;
      }
    }
  }

  private async submitStep(job: JobRecord, adapter: ProviderAdapter, signal: AbortSignal): Promise<void> {
    await this.waitUntilNextAttempt(job, signal);
    if (signal.aborted) return;
    if (!this.holding.has(job.id)) {
      if (this.slots.used(job.provider) > 0) await this.update(job, { waiting: 'concurrency' }, false);
      if (!(await this.slots.acquire(job.provider, signal))) return;
      this.holding.add(job.id);
    }
    const apiKey = adapter.requiresKey ? await this.options.resolveKey(job.request.provider) : null;
    if (adapter.requiresKey && !apiKey) {
      await this.finish(
        job,
        'failed',
        jobError('KEY_MISSING', `There is no ${job.provider} key: add one in Settings → Keys, then retry.`, {
          retryable: true,
        }),
      );
      return;
    }
    // Journal BEFORE the create: after a crash from here on, the job is "uncertain", never resent.
    job.attempts.create += 1;
    await this.update(job, { state: 'submitting', waiting: null, sentAt: new Date().toISOString() });
    try {
      const created = await adapter.create(job.request, this.context(job, apiKey, signal));
      await this.update(job, {
        state: 'running',
        taskId: created.taskId,
        ...(created.estimatedCostCents != null ? { estimatedCostCents: created.estimatedCostCents } : {}),
        error: null,
        nextAttemptAt: null,
      });
      if (job.cancelRequested) {
        this.controllers.get(job.id)?.abort();
        await this.cancelRemote(job);
        await this.finish(job, 'cancelled', null);
      }
    } catch (error) {
      await this.createFailed(job, error, signal);
    }
  }

  private async createFailed(job: JobRecord, error: unknown, signal: AbortSignal): Promise<void> {
    if (error instanceof AppError && error.code === 'CANCELLED') {
      // Aborted by shutdown or cancel during the create: the request may have reached the provider.
      await this.markUncertain(job, 'The request was interrupted');
      return;
    }
    if (isProviderError(error) && error.code === 'PROVIDER_UNCERTAIN') {
      await this.markUncertain(job, error.message, error.detail);
      void this.reconcile(job);
      return;
    }
    if (isProviderError(error) && error.retryable) {
      // The provider refused the request outright (429, 502/503) or could not be reached: nothing
      // was started, so sending it again later is safe.
      const max = this.options.maxCreateAttempts ?? 8;
      if (!error.offline && job.attempts.create >= max) {
        await this.finish(
          job,
          'failed',
          jobError(error.code, `${error.message} Gave up after ${max} attempts; try later.`, {
            detail: error.detail,
            retryable: true,
          }),
        );
        return;
      }
      const delay = retryDelayMs(
        job.attempts.create,
        error.retryAfterMs,
        this.backoff(error.offline),
        this.random,
      );
      this.releaseSlot(job);
      await this.update(job, {
        state: 'queued',
        waiting: error.offline
          ? 'offline'
          : error.code === 'PROVIDER_RATE_LIMITED'
            ? 'rateLimited'
            : 'unavailable',
        nextAttemptAt: new Date(Date.now() + delay).toISOString(),
        error: jobError(error.code, error.message, { detail: error.detail, retryable: true }),
      });
      void signal;
      return;
    }
    const shape = error instanceof AppError ? error : new AppError('PROVIDER_FAILED', String(error));
    await this.finish(
      job,
      'failed',
      jobError(shape.code, shape.message, {
        detail: shape.detail,
        moderation: isProviderError(error) && error.moderation,
        retryable: shape.code !== 'PROVIDER_MODEL_RETIRED' && shape.code !== 'CAPABILITY_UNSUPPORTED',
      }),
    );
  }

  private async pollStep(job: JobRecord, adapter: ProviderAdapter, signal: AbortSignal): Promise<void> {
    await this.waitUntilNextAttempt(job, signal);
    if (signal.aborted || job.taskId === null) return;
    const apiKey = adapter.requiresKey ? await this.options.resolveKey(job.request.provider) : null;
    try {
      const result = await adapter.poll(job.taskId, this.context(job, apiKey, signal));
      job.attempts.poll = 0;
      switch (result.status) {
        case 'queued':
        case 'running': {
          const changed = job.waiting !== (result.throttled ? 'throttled' : null) || job.error !== null;
          await this.update(
            job,
            {
              waiting: result.throttled ? 'throttled' : null,
              progress: result.progress ?? job.progress,
              error: null,
              nextAttemptAt: null,
              ...(result.estimatedCostCents != null ? { estimatedCostCents: result.estimatedCostCents } : {}),
            },
            changed || this.journalDue(job),
          );
          await sleep(pollDelayMs(this.pollInterval(adapter), this.random), signal);
          return;
        }
        case 'succeeded':
          this.releaseSlot(job);
          await this.update(job, {
            state: 'downloading',
            outputs: result.outputs,
            progress: 1,
            waiting: null,
            error: null,
            ...(result.costCents != null ? { actualCostCents: result.costCents } : {}),
          });
          return;
        case 'failed':
          await this.finish(
            job,
            'failed',
            jobError(result.failure.code, result.failure.message, {
              detail: result.failure.detail,
              moderation: result.failure.moderation,
              retryable: result.failure.retryable && !result.failure.moderation,
            }),
            result.costCents ?? null,
          );
          return;
        case 'cancelled':
          await this.finish(job, 'cancelled', null);
          return;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (isProviderError(error) && error.retryable) {
        job.attempts.poll += 1;
        const delay = retryDelayMs(
          job.attempts.poll,
          error.retryAfterMs,
          this.backoff(error.offline),
          this.random,
        );
        await this.update(job, {
          waiting: error.offline
            ? 'offline'
            : error.code === 'PROVIDER_RATE_LIMITED'
              ? 'rateLimited'
              : 'unavailable',
          nextAttemptAt: new Date(Date.now() + delay).toISOString(),
          error: jobError(error.code, error.message, { detail: error.detail, retryable: true }),
        });
        return;
      }
      const shape = error instanceof AppError ? error : new AppError('PROVIDER_FAILED', String(error));
      await this.finish(job, 'failed', jobError(shape.code, shape.message, { detail: shape.detail }));
    }
  }

  private async downloadStep(job: JobRecord, adapter: ProviderAdapter, signal: AbortSignal): Promise<void> {
    await this.waitUntilNextAttempt(job, signal);
    const output = job.outputs?.[0];
    if (signal.aborted) return;
    if (!output) {
      await this.finish(
        job,
        'failed',
        jobError('PROVIDER_FAILED', 'The provider finished without any video.', { retryable: true }),
      );
      return;
    }
    const apiKey = adapter.requiresKey ? await this.options.resolveKey(job.request.provider) : null;
    const folder = this.options.importer.stagingFolder(toSummary(job));
    await mkdir(folder, { recursive: true });
    const partFile = join(folder, `${job.id}.part`);
    const outcome = await downloadAndVerify({
      adapter,
      output,
      partFile,
      context: this.context(job, apiKey, signal),
      ffprobePath: await this.options.binaries.ffprobePath(),
    });
    if (signal.aborted) return;
    if (outcome.ok) {
      await this.update(job, {
        state: 'importing',
        stagedFile: outcome.file,
        nextAttemptAt: null,
        error: null,
        waiting: null,
      });
      return;
    }
    const error = outcome.error;
    if (outcome.kind === 'expired') {
      job.attempts.refresh += 1;
      if (job.attempts.refresh > maxOutputRefreshes) {
        await this.finish(
          job,
          'failed',
          jobError(
            'PROVIDER_OUTPUT_EXPIRED',
            'The result has expired at the provider; generate the shot again.',
            { detail: error.detail, retryable: true },
          ),
        );
        return;
      }
      // Ask the provider again for fresh links (Runway, OpenAI and fal hand out new ones).
      await this.update(job, {
        state: 'running',
        outputs: null,
        error: jobError(error.code, error.message, { detail: error.detail, retryable: true }),
      });
      return;
    }
    if (outcome.kind === 'invalid') {
      job.attempts.verify += 1;
      await rm(partFile, { force: true });
      if (job.attempts.verify > maxVerifyFailures) {
        await this.finish(
          job,
          'failed',
          jobError('PROVIDER_FAILED', 'The provider sent a file that is not a playable video.', {
            detail: error.detail,
            retryable: true,
          }),
        );
        return;
      }
      await this.update(job, {
        error: jobError(error.code, error.message, { detail: error.detail, retryable: true }),
      });
      return;
    }
    if (outcome.kind === 'retry') {
      job.attempts.download += 1;
      if (job.attempts.download > maxDownloadAttempts) {
        await this.finish(
          job,
          'failed',
          jobError(error.code, `${error.message} Gave up after ${maxDownloadAttempts} attempts.`, {
            detail: error.detail,
            retryable: true,
          }),
        );
        return;
      }
      const delay = retryDelayMs(
        job.attempts.download,
        isProviderError(error) ? error.retryAfterMs : null,
        this.backoff(false),
        this.random,
      );
      await this.update(job, {
        waiting: 'unavailable',
        nextAttemptAt: new Date(Date.now() + delay).toISOString(),
        error: jobError(error.code, error.message, { detail: error.detail, retryable: true }),
      });
      return;
    }
    await this.finish(job, 'failed', jobError(error.code, error.message, { detail: error.detail }));
  }

  private async importStep(job: JobRecord, signal: AbortSignal): Promise<void> {
    if (!job.stagedFile) {
      await this.update(job, { state: 'downloading' });
      return;
    }
    const imported = await this.options.importer.importOutput(job, job.stagedFile);
    if (imported) {
      job.outputAssetId = imported.assetId;
      job.stagedFile = null;
      await this.finish(job, 'succeeded', null);
      return;
    }
    if (job.state !== 'awaitingProject') await this.update(job, { state: 'awaitingProject' });
    await sleep(this.options.importRetryMs ?? 2_000, signal);
  }

  // helpers ---------------------------------------------------------------------------------------

  private async reconcile(job: JobRecord): Promise<void> {
    // Called from inside a job loop: let that loop end before a new one may start.
    await this.drivers.get(job.id);
    const adapter = this.options.registry.has(job.provider) ? this.options.registry.get(job.provider) : null;
    if (!adapter?.reconcile || this.stopped) return;
    try {
      const apiKey = adapter.requiresKey ? await this.options.resolveKey(job.request.provider) : null;
      const controller = new AbortController();
      const found = await adapter.reconcile(
        { jobId: job.id, request: job.request, sentAt: job.sentAt ?? job.createdAt },
        this.context(job, apiKey, controller.signal),
      );
      if (typeof found === 'string') {
        await this.update(job, { state: 'running', taskId: found, error: null, finishedAt: null });
        this.drive(job);
      } else if (found === null) {
        await this.finish(
          job,
          'failed',
          jobError(
            'PROVIDER_FAILED',
            'The provider has no task for this request: nothing was started or charged. You can retry.',
            { retryable: true },
          ),
        );
      }
    } catch (error) {
      this.log(`job ${job.id}: reconcile failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private async markUncertain(job: JobRecord, reason: string, detail?: string): Promise<void> {
    this.releaseSlot(job);
    await this.finish(
      job,
      'uncertain',
      jobError(
        'PROVIDER_UNCERTAIN',
        `${reason}: the provider may have started (and charged) this task. It was not resubmitted; check the provider, then retry if you want another take.`,
        { detail, retryable: true },
      ),
    );
  }

  private async cancelRemote(job: JobRecord): Promise<void> {
    if (job.taskId === null || job.state === 'downloading' || job.state === 'importing') return;
    const adapter = this.options.registry.get(job.provider);
    if (!adapter.cancel) return;
    try {
      const apiKey = adapter.requiresKey ? await this.options.resolveKey(job.request.provider) : null;
      await adapter.cancel(job.taskId, this.context(job, apiKey, new AbortController().signal));
    } catch (error) {
      this.log(
        `job ${job.id}: provider cancel failed (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  private async finish(
    job: JobRecord,
    state: 'succeeded' | 'failed' | 'cancelled' | 'uncertain',
    error: JobRecord['error'],
    costCents: number | null = null,
  ): Promise<void> {
    this.releaseSlot(job);
    await this.update(job, {
      state,
      error,
      waiting: null,
      nextAttemptAt: null,
      finishedAt: new Date().toISOString(),
      ...(costCents !== null ? { actualCostCents: costCents } : {}),
    });
    this.options.emit('job:finished', { job: toSummary(job) });
  }

  /** Applies a change, journals it (unless `journal` is false), and tells windows and the importer. */
  private async update(job: JobRecord, patch: Partial<JobRecord>, journal = true): Promise<void> {
    Object.assign(job, patch, { updatedAt: new Date().toISOString() });
    if (journal) {
      this.lastJournaled.set(job.id, Date.now());
      await this.persist(job);
    }
    const summary = toSummary(job);
    this.options.emit('job:progressed', { job: summary });
    this.options.importer.jobChanged(summary);
  }

  private persist(job: JobRecord): Promise<void> {
    return this.options.journal.write(job);
  }

  /** Progress is journaled at most every 5 s (state changes always are). */
  private journalDue(job: JobRecord): boolean {
    return Date.now() - (this.lastJournaled.get(job.id) ?? 0) > 5_000;
  }

  private async waitUntilNextAttempt(job: JobRecord, signal: AbortSignal): Promise<void> {
    if (!job.nextAttemptAt) return;
    await sleep(Date.parse(job.nextAttemptAt) - Date.now(), signal);
  }

  private releaseSlot(job: JobRecord): void {
    if (this.holding.delete(job.id)) this.slots.release(job.provider);
  }

  private backoff(offline: boolean): BackoffPolicy {
    const policy = this.options.backoff ?? defaultBackoff;
    return offline ? { baseMs: policy.baseMs, capMs: Math.min(policy.capMs, 30_000) } : policy;
  }

  private pollInterval(adapter: ProviderAdapter): number {
    return this.options.pollIntervalMs ?? adapter.pollIntervalMs;
  }

  private context(job: JobRecord, apiKey: string | null, signal: AbortSignal): AdapterContext {
    const baseUrl = this.options.baseUrls?.[job.provider as ProviderId];
    return {
      apiKey,
      signal,
      ...(baseUrl ? { baseUrl } : {}),
      jobId: job.id,
      workDir: join(this.options.workDir, job.provider),
      binaries: this.options.binaries,
      requestTimeoutMs: this.options.requestTimeoutMs ?? 30_000,
      createTimeoutMs: this.options.createTimeoutMs ?? 120_000,
      log: (message) => this.log(`${job.provider} ${job.id}: ${message}`),
    };
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
