import { AppError, type ErrorCode } from '../../common/contract';

/** Which call failed: it decides whether an unclear outcome may have started a paid task. */
export type CallPhase = 'create' | 'poll' | 'download' | 'upload' | 'cancel' | 'other';

export interface ProviderErrorInfo {
  /** Safe to repeat the same call after a pause (never true for an uncertain create). */
  retryable: boolean;
  /** Content moderation: never retried automatically. */
  moderation?: boolean;
  /** From Retry-After / retry-after-ms, capped. */
  retryAfterMs?: number | null;
  /** The HTTP status, when there was one. */
  status?: number | null;
  /** The provider could not be reached at all (nothing was sent): the job waits until online. */
  offline?: boolean;
}

/** An AppError with what the job engine needs to decide what happens next. */
export class ProviderError extends AppError {
  readonly retryable: boolean;
  readonly moderation: boolean;
  readonly retryAfterMs: number | null;
  readonly status: number | null;
  readonly offline: boolean;

  constructor(code: ErrorCode, message: string, info: ProviderErrorInfo, detail?: string) {
    super(code, message, detail);
    this.name = 'ProviderError';
    this.retryable = info.retryable;
    this.moderation = info.moderation ?? false;
    this.retryAfterMs = info.retryAfterMs ?? null;
    this.status = info.status ?? null;
    this.offline = info.offline ?? false;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

/** The longest Retry-After we honour before calling it "try later". */
export const maxRetryAfterMs = 5 * 60_000;

type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * Retry-After as milliseconds: `retry-after-ms`, seconds, or an HTTP date. Capped at five minutes;
 * null when absent or unreadable.
 */
export function parseRetryAfter(headers: HeaderSource, now: number = Date.now()): number | null {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.min(maxRetryAfterMs, Number(ms));
  const value = header(headers, 'retry-after');
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(maxRetryAfterMs, Math.round(Number(trimmed) * 1000));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(maxRetryAfterMs, Math.max(0, date - now));
}

/** Trims a provider's error body to something safe and short for the details pane. */
export function describeBody(body: unknown, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let text: string;
  if (typeof body === 'string') text = body;
  else {
    try {
      text = JSON.stringify(body) ?? '';
    } catch {
      text = String(body);
    }
  }
  return redact(text, secrets).slice(0, 500);
}

/** Removes every given secret (and anything shaped like a bearer token) from a text. */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.replace(/(Bearer|Key|Token)\s+[A-Za-z0-9._~+/=:-]{8,}/gi, '$1 [redacted]');
}

export interface HttpFailure {
  status: number;
  headers?: HeaderSource;
  body?: unknown;
  phase: CallPhase;
  /** Provider name for messages ("Runway"). */
  provider: string;
  /** Secrets to scrub from the detail. */
  secrets?: ReadonlyArray<string | null | undefined>;
}

/**
 * An HTTP error answer as a ProviderError. The table follows reliability.md §4.2: 400/422 bad
 * request, 401/403 auth, 404/410 retired model (on create) or missing task, 429 rate limit
 * honouring Retry-After, 5xx unavailable; on a create, 500 and 504 may hide an accepted task, so
 * they are "uncertain" rather than retryable.
 */
export function classifyHttpError(failure: HttpFailure): ProviderError {
  const { status, phase, provider } = failure;
  const detail = `HTTP ${status}${failure.body === undefined ? '' : `: ${describeBody(failure.body, failure.secrets)}`}`;
  const retryAfterMs = parseRetryAfter(failure.headers);
  const info = { status, retryAfterMs };
  if (status === 401 || status === 403) {
    if (phase === 'download') {
      return new ProviderError(
        'PROVIDER_OUTPUT_EXPIRED',
        `The ${provider} output link is no longer valid; fetching a fresh one.`,
        { ...info, retryable: true },
        detail,
      );
    }
    return new ProviderError(
      'PROVIDER_AUTH',
      `${provider} refused the API key. Check it in Settings → Keys.`,
      { ...info, retryable: false },
      detail,
    );
  }
  if (status === 404 || status === 410) {
    if (phase === 'download') {
      return new ProviderError(
        'PROVIDER_OUTPUT_EXPIRED',
        `The ${provider} output link has expired.`,
        { ...info, retryable: true },
        detail,
      );
    }
    if (phase === 'create') {
      return new ProviderError(
        'PROVIDER_MODEL_RETIRED',
        `${provider} says this model or route no longer exists: it has been retired. Choose another model.`,
        { ...info, retryable: false },
        detail,
      );
    }
    return new ProviderError(
      'PROVIDER_FAILED',
      `${provider} no longer knows this task (it may have been deleted or expired).`,
      { ...info, retryable: false },
      detail,
    );
  }
  if (status === 429) {
    return new ProviderError(
      'PROVIDER_RATE_LIMITED',
      `${provider} is rate-limiting requests; Shotloom waits and tries again.`,
      { ...info, retryable: true },
      detail,
    );
  }
  if (status >= 500) {
    if (phase === 'create' && status !== 502 && status !== 503) {
      return new ProviderError(
        'PROVIDER_UNCERTAIN',
        `${provider} answered with an error after the request was sent; the task may have been created (and charged). It was not resubmitted.`,
        { ...info, retryable: false },
        detail,
      );
    }
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `${provider} is unavailable right now; Shotloom waits and tries again.`,
      { ...info, retryable: true },
      detail,
    );
  }
  if (status === 408 || status === 409) {
    if (phase === 'create') {
      return new ProviderError(
        'PROVIDER_UNCERTAIN',
        `${provider} did not confirm the request; the task may have been created. It was not resubmitted.`,
        { ...info, retryable: false },
        detail,
      );
    }
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `${provider} timed out; Shotloom tries again.`,
      { ...info, retryable: true },
      detail,
    );
  }
  return new ProviderError(
    'PROVIDER_BAD_REQUEST',
    `${provider} refused the request: ${shortReason(failure.body) ?? `HTTP ${status}`}.`,
    { ...info, retryable: false },
    detail,
  );
}

/** The provider's own error sentence from the usual envelopes ({error}, {error:{message}}, {detail}). */
export function shortReason(body: unknown): string | null {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body.slice(0, 200) : null;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error.slice(0, 200);
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return ((error as { message: string }).message ?? '').slice(0, 200);
  }
  if (typeof record.detail === 'string') return record.detail.slice(0, 200);
  if (typeof record.message === 'string') return record.message.slice(0, 200);
  return null;
}

/** The error codes along an error's cause chain (fetch wraps socket errors in `cause`). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** Nothing left this machine: the host is unknown, unreachable or refused the connection. */
export function isNotSent(error: unknown): boolean {
  return causeCodes(error).some((code) =>
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN|UND_ERR_CONNECT_TIMEOUT)$/.test(
      code,
    ),
  );
}

/** True for a timeout, a reset or a refused connection (no HTTP answer). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.constructor?.name ?? error.name;
  if (/APIConnection(Timeout)?Error|ConnectTimeoutError|HeadersTimeoutError|BodyTimeoutError/.test(name)) {
    return true;
  }
  if (error.name === 'TimeoutError') return true;
  if (causeCodes(error).some((code) => /^(ECONNRESET|EPIPE|ETIMEDOUT|UND_ERR_\w+)$/.test(code))) return true;
  if (isNotSent(error)) return true;
  return error instanceof TypeError && /fetch failed|terminated|socket/i.test(error.message);
}

export function isAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.constructor?.name ?? error.name;
  return error.name === 'AbortError' || /APIUserAbortError|AbortError/.test(name);
}

/**
 * Any error thrown by an SDK call (Stainless SDKs: Runway, OpenAI, Luma, and anything with a numeric
 * `status` and `headers`) as a ProviderError. A connection failure or timeout during a create is
 * PROVIDER_UNCERTAIN: the request may have been accepted.
 */
export function classifySdkError(
  error: unknown,
  phase: CallPhase,
  provider: string,
  secrets: ReadonlyArray<string | null | undefined> = [],
): AppError {
  if (error instanceof AppError) return error;
  if (isAbort(error)) return new AppError('CANCELLED', 'Cancelled.');
  const record = (error ?? {}) as {
    status?: unknown;
    headers?: HeaderSource;
    error?: unknown;
    body?: unknown;
  };
  if (typeof record.status === 'number' && record.status >= 400) {
    return classifyHttpError({
      status: record.status,
      headers: record.headers,
      body: record.error ?? record.body,
      phase,
      provider,
      secrets,
    });
  }
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  if (isNotSent(error)) {
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `Could not reach ${provider} (offline?); the job waits until it can connect.`,
      { retryable: true, offline: true },
      message,
    );
  }
  if (isConnectionFailure(error)) {
    if (phase === 'create') {
      return new ProviderError(
        'PROVIDER_UNCERTAIN',
        `The connection to ${provider} failed after the request was sent; the task may have been created (and charged). It was not resubmitted.`,
        { retryable: false },
        message,
      );
    }
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `Could not reach ${provider}; Shotloom waits and tries again.`,
      { retryable: true },
      message,
    );
  }
  return new ProviderError(
    'PROVIDER_FAILED',
    `${provider} failed: ${message.slice(0, 200)}`,
    { retryable: false },
    message,
  );
}
