import Replicate from 'replicate';
import { AppError } from '../../../common/contract';
import { classifyHttpError, classifySdkError, type CallPhase } from '../errors';
import type { AdapterContext } from '../types';

export const replicateDefaultBaseUrl = 'https://api.replicate.com/v1';

/**
 * A Replicate client for one adapter call. `replicate@1.4.0` retries POSTs on 429 and GETs on
 * 429/5xx up to five times with effectively no delay and ignoring Retry-After (providers.md (f)),
 * so its fetch is single-shot: the SDK repeats a request with the very same `init` object, and the
 * first answer to that object is reused for its "retries", which therefore never reach the network. The job engine backs off instead, honouring
 * Retry-After. Files are uploaded explicitly (never the SDK's data-URI strategy, which leaks the
 * token into the prediction input).
 */
export function replicateClient(context: AdapterContext, timeoutMs: number): Replicate {
  if (!context.apiKey) throw new AppError('KEY_MISSING', 'Add a Replicate API token in Settings → Keys.');
  const answers = new WeakMap<object, Promise<Response>>();
  const singleShot: typeof fetch = (input, init) => {
    const key: object = init ?? (input as object);
    let answer = answers.get(key);
    if (!answer) {
      const signals = [AbortSignal.timeout(timeoutMs), context.signal];
      if (init?.signal) signals.push(init.signal);
      answer = fetch(input, { ...init, signal: AbortSignal.any(signals) });
      answers.set(key, answer);
    }
    return answer.then((response) => response.clone());
  };
  return new Replicate({
    auth: context.apiKey,
    baseUrl: context.baseUrl ?? replicateDefaultBaseUrl,
    fetch: singleShot,
    fileEncodingStrategy: 'upload',
    useFileOutput: false,
  });
}

/** The body text the SDK folds into its ApiError message ("…failed with status 429 Too Many Requests: {…}."). */
function bodyFromMessage(message: string, response: Response): unknown {
  const marker = `${response.status} ${response.statusText}: `;
  const at = message.indexOf(marker);
  const text = (at >= 0 ? message.slice(at + marker.length) : message).replace(/\.$/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Any error from a `replicate` call as an AppError (its ApiError keeps the Response, not a status). */
export function classifyReplicateError(error: unknown, phase: CallPhase, context: AdapterContext): AppError {
  if (error instanceof AppError) return error;
  const record = error as { name?: unknown; response?: unknown; message?: unknown } | null;
  if (record?.name === 'ApiError' && record.response instanceof Response) {
    return classifyHttpError({
      status: record.response.status,
      headers: record.response.headers,
      body: bodyFromMessage(String(record.message ?? ''), record.response),
      phase,
      provider: 'Replicate',
      secrets: [context.apiKey],
    });
  }
  return classifySdkError(error, phase, 'Replicate', [context.apiKey]);
}
