import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { JobState, JobSummary } from '../../../../common/contract/channels/job';
import { findProvider } from '../../../../common/catalog';
import { useApi } from '../../api/ApiContext';
import { jobStoreFor } from './jobStore';

/** A generation job as the jobs panel shows it. */
export interface JobView {
  id: string;
  provider: string;
  providerLabel: string;
  model: string;
  shotId: string | null;
  takeId: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'uncertain';
  /** What the job is doing or waiting for, in words. */
  stage: string;
  /** 0..1, null when the provider does not say. */
  progress: number | null;
  etaSeconds: number | null;
  costCents: number | null;
  /** The provider charged this (else it is the estimate). */
  costIsFinal: boolean;
  error: JobSummary['error'];
  createdAt: string;
}

const statusOf: Record<JobState, JobView['status']> = {
  queued: 'queued',
  submitting: 'queued',
  running: 'running',
  downloading: 'running',
  importing: 'running',
  awaitingProject: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  uncertain: 'uncertain',
};

const stageOf: Record<JobState, string> = {
  queued: 'Waiting for a slot',
  submitting: 'Sending to the provider',
  running: 'Generating',
  downloading: 'Downloading the video',
  importing: 'Checking and adding to the project',
  awaitingProject: 'Ready: opens with its project',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  uncertain: 'Outcome unclear',
};

const waitingText: Record<NonNullable<JobSummary['waiting']>, string> = {
  offline: 'Waiting for the network',
  rateLimited: 'The provider asked us to slow down',
  unavailable: 'The provider is unavailable; trying again',
  concurrency: 'Waiting for another job of this provider',
  throttled: 'Queued by the provider',
};

/** Seconds left, from how long the job took to reach its progress so far. */
export function estimateEta(job: Pick<JobSummary, 'progress' | 'createdAt'>, now: number): number | null {
  if (job.progress === null || job.progress < 0.05 || job.progress >= 1) return null;
  const elapsed = (now - Date.parse(job.createdAt)) / 1000;
  if (!(elapsed > 0)) return null;
  return (elapsed * (1 - job.progress)) / job.progress;
}

export function toJobView(job: JobSummary, now: number): JobView {
  const status = statusOf[job.state];
  return {
    id: job.id,
    provider: job.provider,
    providerLabel: findProvider(job.provider)?.label ?? job.provider,
    model: job.model,
    shotId: job.shotId,
    takeId: job.takeId,
    status,
    stage: job.waiting ? waitingText[job.waiting] : stageOf[job.state],
    progress: job.progress,
    etaSeconds: status === 'running' ? estimateEta(job, now) : null,
    costCents: job.actualCostCents ?? job.estimatedCostCents,
    costIsFinal: job.actualCostCents !== null,
    error: job.error,
    createdAt: job.createdAt,
  };
}

export function isActive(job: JobView): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** The time, ticking every second while `live` (for ETAs). */
function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}

function useJobSummaries(): readonly JobSummary[] {
  const api = useApi();
  const store = jobStoreFor(api);
  return useSyncExternalStore(store.subscribe, store.getJobs);
}

/** Every job of the core, kept current by job events; cancel and retry. */
export function useJobs(): {
  jobs: JobView[];
  cancel: (jobId: string) => Promise<void>;
  retry: (jobId: string, confirmUncertain?: boolean) => Promise<void>;
  message: string | null;
} {
  const api = useApi();
  const summaries = useJobSummaries();
  const [message, setMessage] = useState<string | null>(null);
  const now = useNow(summaries.some((job) => statusOf[job.state] === 'running'));
  const jobs = useMemo(() => summaries.map((job) => toJobView(job, now)), [summaries, now]);
  const cancel = useCallback(
    async (jobId: string) => {
      const result = await api.invoke('job:cancel', { jobId });
      setMessage(result.ok ? null : result.error.message);
    },
    [api],
  );
  const retry = useCallback(
    async (jobId: string, confirmUncertain = false) => {
      const result = await api.invoke('job:retry', { jobId, confirmUncertain });
      setMessage(result.ok ? null : result.error.message);
    },
    [api],
  );
  return { jobs, cancel, retry, message };
}

/** Progress (0..1, or null when unknown) of running generation jobs, by take id. */
export function useJobProgress(): ReadonlyMap<string, number | null> {
  const summaries = useJobSummaries();
  return useMemo(
    () =>
      new Map(
        summaries
          .filter((job) => statusOf[job.state] === 'running' || statusOf[job.state] === 'queued')
          .map((job) => [job.takeId, job.progress]),
      ),
    [summaries],
  );
}
