import type { AppError } from '../../../common/contract';
import { classifySdkError, ProviderError, type CallPhase } from '../errors';

/** The date OpenAI shut the Sora 2 Videos API down (developers.openai.com video-generation guide banner). */
export const soraShutdownDate = '2026-09-24';

export const soraRetiredMessage =
  `OpenAI retired the Sora 2 Videos API on ${soraShutdownDate}; use Sora 2 via CometAPI instead ` +
  '(choose the CometAPI provider with model sora-2 or sora-2-pro).';

/** The OpenAI error envelope's `code` (`{ error: { code } }`), as the SDK exposes it on APIError. */
function errorCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const record = error as { code?: unknown; error?: unknown };
  if (typeof record.code === 'string') return record.code;
  const inner = record.error as { code?: unknown } | undefined;
  return inner && typeof inner.code === 'string' ? inner.code : null;
}

/** The model is gone: 404/410 on a create, or `model_not_found` on any call. */
function saysRetired(error: unknown, phase: CallPhase): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (errorCode(error) === 'model_not_found') return true;
  return phase === 'create' && (status === 404 || status === 410);
}

/**
 * An error from the OpenAI SDK as an AppError. On top of the shared table: an answer saying the
 * model is gone becomes PROVIDER_MODEL_RETIRED with the shutdown date and the CometAPI way round.
 */
export function classifySoraError(error: unknown, phase: CallPhase, apiKey: string | null): AppError {
  if (phase !== 'download' && saysRetired(error, phase)) {
    const classified = classifySdkError(error, phase, 'OpenAI', [apiKey]);
    return new ProviderError(
      'PROVIDER_MODEL_RETIRED',
      soraRetiredMessage,
      { retryable: false, status: (error as { status?: number }).status ?? null },
      classified.detail,
    );
  }
  return classifySdkError(error, phase, 'OpenAI', [apiKey]);
}
