import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../../main/providers/errors';
import { classifyHttpError, classifySdkError, parseRetryAfter, redact } from '../../../main/providers/errors';

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates, capped at five minutes', () => {
    expect(parseRetryAfter({ 'retry-after': '3' })).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter({ 'Retry-After': 'Tue, 24 Nov 2026 10:00:30 GMT' }, now)).toBe(30_000);
    expect(parseRetryAfter({ 'retry-after': '86400' })).toBe(300_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeNull();
    expect(parseRetryAfter({})).toBeNull();
  });
});

describe('classifyHttpError', () => {
  const base = { provider: 'Runway' } as const;
  it('maps each status class to its code', () => {
    const code = (status: number, phase: 'create' | 'poll' | 'download') =>
      classifyHttpError({ ...base, status, phase }).code;
    expect(code(400, 'create')).toBe('PROVIDER_BAD_REQUEST');
    expect(code(422, 'create')).toBe('PROVIDER_BAD_REQUEST');
    expect(code(401, 'create')).toBe('PROVIDER_AUTH');
    expect(code(404, 'create')).toBe('PROVIDER_MODEL_RETIRED');
    expect(code(410, 'create')).toBe('PROVIDER_MODEL_RETIRED');
    expect(code(404, 'poll')).toBe('PROVIDER_FAILED');
    expect(code(404, 'download')).toBe('PROVIDER_OUTPUT_EXPIRED');
    expect(code(403, 'download')).toBe('PROVIDER_OUTPUT_EXPIRED');
    expect(code(429, 'create')).toBe('PROVIDER_RATE_LIMITED');
    expect(code(503, 'create')).toBe('PROVIDER_UNAVAILABLE');
    expect(code(500, 'poll')).toBe('PROVIDER_UNAVAILABLE');
    // A create answered by 500/504 may have started a task: never retried blindly.
    expect(code(500, 'create')).toBe('PROVIDER_UNCERTAIN');
    expect(code(504, 'create')).toBe('PROVIDER_UNCERTAIN');
  });

  it('carries Retry-After and retryability', () => {
    const error = classifyHttpError({
      ...base,
      status: 429,
      phase: 'create',
      headers: { 'retry-after': '2' },
    });
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
    expect(classifyHttpError({ ...base, status: 500, phase: 'create' }).retryable).toBe(false);
  });

  it('scrubs keys from the detail', () => {
    const key = `key_${'ab'.repeat(64)}`;
    const error = classifyHttpError({
      ...base,
      status: 400,
      phase: 'create',
      body: { error: `bad ${key}` },
      secrets: [key],
    });
    expect(error.detail).not.toContain(key);
    expect(redact('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer [redacted]');
  });
});

describe('classifySdkError', () => {
  it('treats a connection failure during create as uncertain, and during a poll as retryable', () => {
    const timeout = Object.assign(new Error('Request timed out.'), {});
    Object.defineProperty(timeout, 'constructor', { value: class APIConnectionTimeoutError {} });
    const create = classifySdkError(timeout, 'create', 'Runway');
    expect(create.code).toBe('PROVIDER_UNCERTAIN');
    const poll = classifySdkError(timeout, 'poll', 'Runway') as ProviderError;
    expect(poll.code).toBe('PROVIDER_UNAVAILABLE');
    expect(poll.retryable).toBe(true);
  });

  it('treats a refused connection as offline (nothing was sent), even for create', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    const error = classifySdkError(refused, 'create', 'Runway') as ProviderError;
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.offline).toBe(true);
  });

  it('reads status and headers off SDK API errors', () => {
    const apiError = Object.assign(new Error('429'), {
      status: 429,
      headers: new Headers({ 'retry-after': '1' }),
      error: { error: 'slow down' },
    });
    const error = classifySdkError(apiError, 'create', 'Runway') as ProviderError;
    expect(error.code).toBe('PROVIDER_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(1000);
  });
});
