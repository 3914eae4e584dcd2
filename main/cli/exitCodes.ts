import type { ErrorCode } from '../../common/contract';

/** Exit codes scripts can rely on. */
export const exitCodes = {
  ok: 0,
  internal: 1,
  badInput: 2,
  providerFailure: 3,
  cancelled: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  if (code.startsWith('PROVIDER_') || code === 'KEY_MISSING' || code === 'BUDGET_EXCEEDED')
    return exitCodes.providerFailure;
  if (code === 'CANCELLED') return exitCodes.cancelled;
  if (code === 'INTERNAL') return exitCodes.internal;
  return exitCodes.badInput;
}
