import { z } from 'zod';
import { channel } from '../define';

/**
 * A generation job as windows see it. States follow reliability.md §4.1: queued → submitting →
 * running → downloading → importing → succeeded; or failed / cancelled / uncertain (the create may
 * have started a paid task; never resubmitted automatically). awaitingProject: the output is
 * downloaded and verified, waiting for its project to be opened to become a take.
 */
export const jobStates = [
  'queued',
  'submitting',
  'running',
  'downloading',
  'importing',
  'awaitingProject',
  'succeeded',
  'failed',
  'cancelled',
  'uncertain',
] as const;
export type JobState = (typeof jobStates)[number];

/** Why a job is not moving right now. */
export type JobWaiting = 'offline' | 'rateLimited' | 'unavailable' | 'concurrency' | 'throttled' | null;

export interface JobError {
  code: string;
  message: string;
  detail?: string;
  /** Content moderation: job:retry is refused until the shot is edited. */
  moderation: boolean;
  /** A new attempt may succeed (a new paid task). */
  retryable: boolean;
}

export interface JobSummary {
  id: string;
  provider: string;
  model: string;
  mode: string;
  shotId: string;
  takeId: string;
  /** The project the take belongs to. */
  projectFolder: string;
  state: JobState;
  waiting: JobWaiting;
  /** 0..1 when known. */
  progress: number | null;
  taskId: string | null;
  estimatedCostCents: number | null;
  actualCostCents: number | null;
  error: JobError | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** When the engine tries again (backoff, Retry-After), ISO time. */
  nextAttemptAt: string | null;
  outputAssetId: string | null;
}

const jobId = z.string().min(1).max(100);

export const jobChannels = {
  /** Every job the engine knows (active first, then the most recent finished ones). */
  'job:list': channel(z.object({}).strict()).returns<JobSummary[]>(),
  /** Cancels a job (asks the provider to stop the task where it can). CONFLICT when already finished. */
  'job:cancel': channel(z.object({ jobId }).strict()).returns<JobSummary>(),
  /**
   * Starts a new job (a new take, a new paid task) from a failed, cancelled or uncertain one.
   * Refused for moderation failures until the shot is edited; an uncertain job needs
   * confirmUncertain (the first task may exist and be charged).
   */
  'job:retry': channel(
    z.object({ jobId, confirmUncertain: z.boolean().default(false) }).strict(),
  ).returns<JobSummary>(),
};
