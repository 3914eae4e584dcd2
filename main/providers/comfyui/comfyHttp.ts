import { AppError } from '../../../common/contract';
import { classifyHttpError, classifySdkError, ProviderError, type CallPhase } from '../errors';
import type { AdapterContext } from '../types';

/**
 * Plain HTTP to one ComfyUI machine (`server.py` routes, no SDK exists). ComfyUI itself has no
 * auth; a key, when given, is sent as a Bearer token for machines behind an authenticating proxy.
 */

export interface ComfyCall {
  machine: string;
  path: string;
  method?: 'GET' | 'POST';
  json?: unknown;
  form?: FormData;
  phase: CallPhase;
  timeoutMs: number;
}

export function comfyHeaders(context: AdapterContext): Record<string, string> {
  return context.apiKey ? { authorization: `Bearer ${context.apiKey}` } : {};
}

/** The node errors of a refused prompt, as one readable line ("KSampler: Value not in list: …"). */
export function describeNodeErrors(body: unknown): string | null {
  const nodeErrors = (
    body as {
      node_errors?: Record<
        string,
        { class_type?: string; errors?: Array<{ message?: string; details?: string }> }
      >;
    }
  )?.node_errors;
  if (!nodeErrors || typeof nodeErrors !== 'object') return null;
  for (const node of Object.values(nodeErrors)) {
    const first = node.errors?.[0];
    if (first)
      return `${node.class_type ?? 'node'}: ${first.message ?? 'invalid'}${first.details ? ` (${first.details})` : ''}`;
  }
  return null;
}

export async function comfyFetch<T>(context: AdapterContext, call: ComfyCall): Promise<T> {
  const signal = AbortSignal.any([AbortSignal.timeout(call.timeoutMs), context.signal]);
  const headers: Record<string, string> = comfyHeaders(context);
  let body: RequestInit['body'];
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) body = call.form;
  let response: Response;
  try {
    response = await fetch(`${call.machine}${call.path}`, {
      method: call.method ?? 'GET',
      headers,
      body,
      signal,
    });
  } catch (error) {
    throw classifySdkError(error, call.phase, 'ComfyUI', [context.apiKey]);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // keep the text
  }
  if (!response.ok) {
    const nodes = describeNodeErrors(parsed);
    if (response.status === 400 && call.phase === 'create') {
      throw new ProviderError(
        'PROVIDER_BAD_REQUEST',
        `ComfyUI refused the workflow${nodes ? `: ${nodes}` : ''}. Check that the workflow's models and nodes are installed on ${call.machine}.`,
        { retryable: false, status: 400 },
        classifyHttpError({
          status: 400,
          body: parsed,
          phase: call.phase,
          provider: 'ComfyUI',
          secrets: [context.apiKey],
        }).detail,
      );
    }
    throw classifyHttpError({
      status: response.status,
      headers: response.headers,
      body: parsed,
      phase: call.phase,
      provider: 'ComfyUI',
      secrets: [context.apiKey],
    });
  }
  if (parsed === null || typeof parsed !== 'object') {
    if (call.method === 'POST' && call.path !== '/prompt') return parsed as T;
    throw new AppError(
      'PROVIDER_FAILED',
      `ComfyUI at ${call.machine} answered ${call.path} with something that is not JSON.`,
    );
  }
  return parsed as T;
}
