import type { JobError, JobState, JobSummary } from '../../../common/contract/channels/job';
import type { GenerationOutput, GenerationRequest } from '../../providers/types';

/** A job as the journal keeps it: the summary windows see, plus what the engine needs to resume. */
export interface JobRecord extends JobSummary {
  request: GenerationRequest;
  /** ISO time the create request was sent (set, and journaled, before the call). */
  sentAt: string | null;
  /** Outputs from the last successful poll (links may expire: re-polled when they do). */
  outputs: GenerationOutput[] | null;
  /** The verified output waiting to be imported (awaitingProject / importing). */
  stagedFile: string | null;
  attempts: { create: number; poll: number; download: number; refresh: number; verify: number };
  /** The user asked to cancel while a create was in flight. */
  cancelRequested: boolean;
  /** Previous job this one retries (provenance). */
  retryOf: string | null;
}

export const terminalStates: ReadonlySet<JobState> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'uncertain',
]);

export function isTerminal(state: JobState): boolean {
  return terminalStates.has(state);
}

/** What leaves the main process: no request (local paths, prompt), no outputs (signed links). */
export function toSummary(job: JobRecord): JobSummary {
  return {
    id: job.id,
    provider: job.provider,
    model: job.model,
    mode: job.mode,
    shotId: job.shotId,
    takeId: job.takeId,
    projectFolder: job.projectFolder,
    state: job.state,
    waiting: job.waiting,
    progress: job.progress,
    taskId: job.taskId,
    estimatedCostCents: job.estimatedCostCents,
    actualCostCents: job.actualCostCents,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    nextAttemptAt: job.nextAttemptAt,
    outputAssetId: job.outputAssetId,
  };
}

export interface NewJob {
  id: string;
  request: GenerationRequest;
  shotId: string;
  takeId: string;
  projectFolder: string;
  estimatedCostCents: number | null;
  retryOf?: string | null;
}

export function newJobRecord(spec: NewJob, now: string): JobRecord {
  return {
    id: spec.id,
    provider: spec.request.provider,
    model: spec.request.model,
    mode: spec.request.mode,
    shotId: spec.shotId,
    takeId: spec.takeId,
    projectFolder: spec.projectFolder,
    state: 'queued',
    waiting: null,
    progress: null,
    taskId: null,
    estimatedCostCents: spec.estimatedCostCents,
    actualCostCents: null,
    error: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    nextAttemptAt: null,
    outputAssetId: null,
    request: spec.request,
    sentAt: null,
    outputs: null,
    stagedFile: null,
    attempts: { create: 0, poll: 0, download: 0, refresh: 0, verify: 0 },
    cancelRequested: false,
    retryOf: spec.retryOf ?? null,
  };
}

export function jobError(
  code: string,
  message: string,
  options: { detail?: string | undefined; moderation?: boolean; retryable?: boolean } = {},
): JobError {
  return {
    code,
    message,
    ...(options.detail !== undefined ? { detail: options.detail } : {}),
    moderation: options.moderation ?? false,
    retryable: options.retryable ?? false,
  };
}
