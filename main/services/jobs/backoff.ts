/** Waits and retry delays for the job engine (reliability.md §4.2). */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * Delay before attempt `attempt` (1-based): Retry-After when the provider gave one (plus up to 20 %
 * jitter so many jobs do not return at once), else exponential backoff with full jitter.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.round(retryAfterMs * (1 + 0.2 * random()));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(Math.max(policy.baseMs / 2, ceiling * random()));
}

/** The next poll: the adapter's interval with ±25 % jitter. */
export function pollDelayMs(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (0.75 + 0.5 * random()));
}

/** Resolves after `ms`, or at once when the signal aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
