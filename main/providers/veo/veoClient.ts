import { GoogleGenAI } from '@google/genai';
import { AppError } from '../../../common/contract';
import { classifyHttpError, classifySdkError, type CallPhase } from '../errors';
import type { AdapterContext } from '../types';

export const geminiDefaultBaseUrl = 'https://generativelanguage.googleapis.com/';

/**
 * A Gemini API client (`@google/genai`, API key, no Vertex) for one call. The SDK neither retries
 * (no `retryOptions`: the engine owns retries) nor keeps response headers on its `ApiError`, so a
 * small fetch wrapper applies the call's timeout (as a TimeoutError, not a cancel) and remembers
 * the last response's headers for Retry-After.
 */
export interface VeoClient {
  ai: GoogleGenAI;
  lastHeaders(): Headers | null;
}

export function veoClient(context: AdapterContext, timeoutMs: number): VeoClient {
  if (!context.apiKey) throw new AppError('KEY_MISSING', 'Add a Google Gemini API key in Settings → Keys.');
  let headers: Headers | null = null;
  const timedFetch: typeof fetch = async (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), context.signal];
    if (init?.signal) signals.push(init.signal);
    const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
    headers = response.headers;
    return response;
  };
  const ai = new GoogleGenAI({
    apiKey: context.apiKey,
    httpOptions: { baseUrl: context.baseUrl ?? geminiDefaultBaseUrl, fetch: timedFetch },
  });
  return { ai, lastHeaders: () => headers };
}

/** The JSON error envelope the SDK puts in `ApiError.message` (`{ error: { code, message, status, details } }`). */
function parseApiErrorBody(message: string): unknown {
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return message;
  }
}

/** `API_KEY_INVALID` (Gemini answers a bad key with 400 INVALID_ARGUMENT and this reason). */
function saysBadKey(body: unknown): boolean {
  return /API_KEY_INVALID|API key not valid/i.test(JSON.stringify(body ?? ''));
}

/** Any error from a `@google/genai` call as an AppError. */
export function classifyVeoError(
  error: unknown,
  phase: CallPhase,
  context: AdapterContext,
  client: VeoClient | null,
): AppError {
  if (error instanceof AppError) return error;
  const record = error as { name?: unknown; status?: unknown; message?: unknown } | null;
  if (record && record.name === 'ApiError' && typeof record.status === 'number') {
    const body = parseApiErrorBody(String(record.message ?? ''));
    const status = record.status === 400 && saysBadKey(body) ? 401 : record.status;
    return classifyHttpError({
      status,
      headers: client?.lastHeaders() ?? null,
      body,
      phase,
      provider: 'Google Veo',
      secrets: [context.apiKey],
    });
  }
  return classifySdkError(error, phase, 'Google Veo', [context.apiKey]);
}
