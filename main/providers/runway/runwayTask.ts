import type { PollResult, ProviderFailure } from '../types';

/** A Runway task as GET /v1/tasks/{id} returns it (the fields Shotloom reads). */
export interface RunwayTask {
  id: string;
  status: 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | string;
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
  estimatedCost?: { credits: number };
  cost?: { credits: number };
}

/** Runway credits are US cents (1 credit = $0.01). */
export function creditsToCents(credits: number | undefined): number | null {
  return typeof credits === 'number' && Number.isFinite(credits) ? credits : null;
}

/**
 * A Runway task failure as Shotloom's failure: SAFETY.* is moderation (never retried; the shot must
 * change), INTERNAL.BAD_OUTPUT.* a retryable quality rejection, ASSET.INVALID a bad input.
 */
export function runwayFailure(task: RunwayTask): ProviderFailure {
  const code = task.failureCode ?? '';
  const detail = [code, task.failure].filter(Boolean).join(': ').slice(0, 500);
  if (code.startsWith('SAFETY')) {
    return {
      code: 'PROVIDER_MODERATION',
      message: `Runway's content moderation rejected this shot (${code}). Edit the prompt or images before trying again; it was not retried, and Runway may still charge for it.`,
      detail,
      moderation: true,
      retryable: false,
    };
  }
  if (code.startsWith('ASSET')) {
    return {
      code: 'PROVIDER_BAD_REQUEST',
      message: `Runway could not use one of the shot's images or videos (${code}).`,
      detail,
      moderation: false,
      retryable: false,
    };
  }
  return {
    code: 'PROVIDER_FAILED',
    message: `Runway could not finish this take${code ? ` (${code})` : ''}. You can try again (a new task).`,
    detail,
    moderation: false,
    retryable: true,
  };
}

export function runwayPollResult(task: RunwayTask): PollResult {
  switch (task.status) {
    case 'PENDING':
      return {
        status: 'queued',
        progress: null,
        estimatedCostCents: creditsToCents(task.estimatedCost?.credits),
      };
    case 'THROTTLED':
      return {
        status: 'queued',
        throttled: true,
        progress: null,
        estimatedCostCents: creditsToCents(task.estimatedCost?.credits),
      };
    case 'RUNNING':
      return {
        status: 'running',
        progress: typeof task.progress === 'number' ? Math.max(0, Math.min(1, task.progress)) : null,
        estimatedCostCents: creditsToCents(task.estimatedCost?.credits),
      };
    case 'SUCCEEDED':
      return {
        status: 'succeeded',
        outputs: (task.output ?? []).map((url) => ({ kind: 'url' as const, url, mimeType: 'video/mp4' })),
        costCents: creditsToCents(task.cost?.credits),
      };
    case 'FAILED':
      return {
        status: 'failed',
        failure: runwayFailure(task),
        costCents: creditsToCents(task.cost?.credits),
      };
    case 'CANCELLED':
      return { status: 'cancelled' };
    default:
      return { status: 'running', progress: null };
  }
}
