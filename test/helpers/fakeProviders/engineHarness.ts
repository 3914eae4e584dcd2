import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName } from '../../../common/contract';
import type { JobSummary } from '../../../common/contract/channels/job';
import type { ProviderId } from '../../../common/catalog/providerIds';
import type { ProviderRegistry } from '../../../main/providers/registry';
import { JobEngine, type JobEngineOptions, type TakeImporter } from '../../../main/services/jobs/jobEngine';
import { JobJournal } from '../../../main/services/jobs/jobJournal';
import type { JobRecord } from '../../../main/services/jobs/jobRecord';
import { ffmpegBinary, ffprobeBinary } from '../makeMedia';

/** An importer that keeps finished files in a folder and remembers them (no project needed). */
export class RecordingImporter implements TakeImporter {
  readonly imported: Array<{ jobId: string; file: string }> = [];
  readonly changes: JobSummary[] = [];
  constructor(
    private readonly folder: string,
    private readonly keepFiles = true,
  ) {}
  jobChanged(job: JobSummary): void {
    this.changes.push(job);
  }
  stagingFolder(): string {
    return this.folder;
  }
  async importOutput(job: JobRecord, file: string): Promise<{ assetId: string }> {
    this.imported.push({ jobId: job.id, file });
    if (!this.keepFiles) await rm(file, { force: true });
    return { assetId: `asset_${job.id}` };
  }
}

export interface Harness {
  engine: JobEngine;
  importer: RecordingImporter;
  events: Array<{ event: EventName; job: JobSummary }>;
  /** Resolves with the job once it reaches a terminal state (or rejects after timeoutMs). */
  finished(jobId: string, timeoutMs?: number): Promise<JobSummary>;
  stop(): Promise<void>;
}

export async function makeHarness(options: {
  dataDir: string;
  registry: ProviderRegistry;
  keys?: Partial<Record<ProviderId, string>>;
  baseUrls?: Partial<Record<ProviderId, string>>;
  engine?: Partial<JobEngineOptions>;
  keepFiles?: boolean;
}): Promise<Harness> {
  const staging = join(options.dataDir, 'staging');
  await mkdir(staging, { recursive: true });
  const importer = new RecordingImporter(staging, options.keepFiles ?? true);
  const events: Harness['events'] = [];
  const waiters = new Map<string, Array<(job: JobSummary) => void>>();
  const engine = new JobEngine({
    journal: new JobJournal(join(options.dataDir, 'jobs', 'journal.jsonl')),
    registry: options.registry,
    resolveKey: async (provider) => options.keys?.[provider] ?? null,
    binaries: { ffmpegPath: async () => ffmpegBinary(), ffprobePath: async () => ffprobeBinary() },
    workDir: join(options.dataDir, 'jobs', 'work'),
    emit: (event, payload) => {
      const job = (payload as { job: JobSummary }).job;
      events.push({ event, job });
      if (event === 'job:finished') for (const wake of waiters.get(job.id) ?? []) wake(job);
    },
    importer,
    ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
    pollIntervalMs: 20,
    backoff: { baseMs: 20, capMs: 200 },
    createTimeoutMs: 5_000,
    requestTimeoutMs: 5_000,
    importRetryMs: 50,
    ...options.engine,
  });
  await engine.start();
  return {
    engine,
    importer,
    events,
    finished: (jobId, timeoutMs = 20_000) => {
      const done = events.find((entry) => entry.event === 'job:finished' && entry.job.id === jobId);
      if (done) return Promise.resolve(done.job);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`job ${jobId} did not finish in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const list = waiters.get(jobId) ?? [];
        list.push((job) => {
          clearTimeout(timer);
          resolve(job);
        });
        waiters.set(jobId, list);
      });
    },
    stop: () => engine.shutdown(),
  };
}
