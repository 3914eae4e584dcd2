import { createHash } from 'node:crypto';
import { AppError } from '../../../common/contract';
import { ProviderError } from '../errors';
import type { AdapterContext } from '../types';
import { comfyFetch } from './comfyHttp';

export const comfyDefaultUrl = 'http://127.0.0.1:8188';

/** The machines to use: `context.baseUrl` (one URL or several, comma-separated), else the adapter's list. */
export function machinesOf(context: AdapterContext, configured: readonly string[]): string[] {
  const list = context.baseUrl
    ? context.baseUrl.split(',')
    : configured.length > 0
      ? [...configured]
      : [comfyDefaultUrl];
  return list.map((url) => url.trim().replace(/\/$/, '')).filter((url) => /^https?:\/\/[^/]+/.test(url));
}

/** A task id names its machine: `{machine URL}|{prompt id}`. */
export function comfyTaskId(machine: string, promptId: string): string {
  return `${machine}|${promptId}`;
}

export function parseComfyTaskId(taskId: string): { machine: string; promptId: string } {
  const at = taskId.lastIndexOf('|');
  if (at <= 0) throw new AppError('INTERNAL', 'Not a ComfyUI task id.', taskId);
  return { machine: taskId.slice(0, at), promptId: taskId.slice(at + 1) };
}

/** The prompt id for a job: a UUID derived from the job id, so a job can be found again after an unclear create. */
export function promptIdFor(jobId: string): string {
  const hex = createHash('sha256').update(`shotloom:${jobId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ComfyQueue {
  /** Entries are `[number, prompt_id, prompt, extra_data, outputs]`. */
  queue_running: unknown[][];
  queue_pending: unknown[][];
}

export function queueState(queue: ComfyQueue, promptId: string): 'running' | 'pending' | null {
  if (queue.queue_running.some((entry) => entry[1] === promptId)) return 'running';
  if (queue.queue_pending.some((entry) => entry[1] === promptId)) return 'pending';
  return null;
}

export function fetchQueue(context: AdapterContext, machine: string): Promise<ComfyQueue> {
  return comfyFetch<ComfyQueue>(context, {
    machine,
    path: '/queue',
    phase: 'poll',
    timeoutMs: context.requestTimeoutMs,
  });
}

/**
 * The machine with the shortest queue (running + pending); ties go round-robin by `turn`.
 * Unreachable machines are skipped; none reachable is PROVIDER_UNAVAILABLE.
 */
export async function pickMachine(
  context: AdapterContext,
  machines: string[],
  turn: number,
): Promise<string> {
  const loads = await Promise.all(
    machines.map(async (machine) => {
      try {
        const queue = await fetchQueue(context, machine);
        return { machine, load: queue.queue_running.length + queue.queue_pending.length };
      } catch (error) {
        context.log(
          `comfyui: ${machine} is not answering (${error instanceof Error ? error.message : String(error)})`,
        );
        return null;
      }
    }),
  );
  const reachable = loads.filter((entry): entry is { machine: string; load: number } => entry !== null);
  if (reachable.length === 0) {
    throw new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `No ComfyUI machine is answering (${machines.join(', ')}). Start ComfyUI or check the URLs in Settings.`,
      { retryable: true, offline: true },
    );
  }
  const least = Math.min(...reachable.map((entry) => entry.load));
  const candidates = reachable.filter((entry) => entry.load === least);
  return candidates[turn % candidates.length]!.machine;
}
