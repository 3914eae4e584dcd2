import { createFalClient, type FalClient } from '@fal-ai/client';
import { AppError } from '../../../common/contract';
import { classifyHttpError, classifySdkError, ProviderError, type CallPhase } from '../errors';
import type { AdapterContext } from '../types';

/**
 * A fal client for one adapter call. `@fal-ai/client` has no base-URL option and retries submits
 * (3×, 1 s → 60 s) and status reads (5×) on 429/5xx and on network errors, which would repeat a paid
 * create. Its `fetch` is therefore ours:
 * - with `context.baseUrl` (tests' fake, a self-hosted relay) `https://{host}/{path}` becomes
 *   `{baseUrl}/{host}/{path}`;
 * - a call's timeout applies (a TimeoutError, which fal never retries);
 * - any HTTP error or network failure is thrown as our own classified ProviderError, which is not
 *   fal's ApiError and carries no network code, so fal's retry loop stops at once and the job
 *   engine decides (honouring Retry-After).
 */

const falHosts = /^https:\/\/([a-z0-9.-]*fal\.(?:run|ai|media))\//i;

/** Which kind of call a fal URL is, for classification (a create must never look retryable). */
export function phaseOf(method: string, url: string): CallPhase {
  if (/\/storage\/upload\//.test(url) || (method === 'PUT' && !/\/cancel$/.test(url))) return 'upload';
  if (/\/requests\/[^/]+\/cancel$/.test(url)) return 'cancel';
  if (/\/requests\/[^/]+(\/status)?(\?|$)/.test(url)) return 'poll';
  return method === 'POST' ? 'create' : 'other';
}

/** fal's moderation answer: 422 with a `content_policy_violation` detail. */
export function isContentPolicy(body: unknown): boolean {
  return /content_policy_violation/.test(JSON.stringify(body ?? ''));
}

export function falClient(context: AdapterContext, timeoutMs: number): FalClient {
  if (!context.apiKey) throw new AppError('KEY_MISSING', 'Add a fal API key in Settings → Keys.');
  const base = context.baseUrl?.replace(/\/$/, '') ?? null;
  const secrets = [context.apiKey];
  const ourFetch: typeof fetch = async (input, init) => {
    const original = String(input instanceof Request ? input.url : input);
    const url = base ? original.replace(falHosts, `${base}/$1/`) : original;
    const method = (init?.method ?? 'GET').toUpperCase();
    const phase = phaseOf(method, url);
    const signals = [AbortSignal.timeout(timeoutMs), context.signal];
    if (init?.signal) signals.push(init.signal);
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      throw classifySdkError(error, phase, 'fal', secrets);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: keep the text
    }
    if (response.status === 422 && isContentPolicy(body)) {
      throw new ProviderError(
        'PROVIDER_MODERATION',
        'fal rejected the content of this shot (content policy). Edit the prompt or images and try again.',
        { retryable: false, moderation: true, status: 422 },
        classifyHttpError({ status: 422, body, phase, provider: 'fal', secrets }).detail,
      );
    }
    if (response.status >= 500 && phase === 'poll' && response.headers.get('x-fal-retryable') === 'false') {
      throw new ProviderError(
        'PROVIDER_FAILED',
        'fal says this request failed and will not succeed on retry.',
        {
          retryable: false,
          status: response.status,
        },
      );
    }
    throw classifyHttpError({
      status: response.status,
      headers: response.headers,
      body,
      phase,
      provider: 'fal',
      secrets,
    });
  };
  return createFalClient({
    credentials: context.apiKey,
    fetch: ourFetch,
    suppressLocalCredentialsWarning: true,
  });
}
