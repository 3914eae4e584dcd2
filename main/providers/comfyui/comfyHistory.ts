import type { PollResult } from '../types';

/** `GET /history/{prompt_id}` as ComfyUI answers it (execution.py, server.py). */
export interface ComfyHistoryEntry {
  outputs?: Record<string, Record<string, unknown>>;
  status?: { status_str?: string; completed?: boolean; messages?: Array<[string, Record<string, unknown>]> };
}

export type ComfyHistory = Record<string, ComfyHistoryEntry | undefined>;

interface FileRef {
  filename: string;
  subfolder?: string;
  type?: string;
}

const videoExtensions = /\.(mp4|webm|mov|mkv|gif)$/i;

function mimeOf(filename: string): string {
  if (/\.webm$/i.test(filename)) return 'video/webm';
  if (/\.mov$/i.test(filename)) return 'video/quicktime';
  if (/\.gif$/i.test(filename)) return 'image/gif';
  return 'video/mp4';
}

/**
 * The video files of a finished prompt: core SaveVideo lists them under `images` with
 * `animated: [true]`; VideoHelperSuite uses `gifs`; some nodes use `videos`.
 */
export function videoFiles(outputs: ComfyHistoryEntry['outputs']): FileRef[] {
  const files: FileRef[] = [];
  for (const output of Object.values(outputs ?? {})) {
    const animated = Array.isArray(output.animated) && output.animated.some(Boolean);
    for (const key of ['videos', 'gifs', 'images']) {
      const list = output[key];
      if (!Array.isArray(list)) continue;
      for (const item of list as FileRef[]) {
        if (typeof item?.filename !== 'string') continue;
        if (key === 'images' && !animated && !videoExtensions.test(item.filename)) continue;
        files.push(item);
      }
    }
  }
  return files;
}

export function viewUrl(machine: string, file: FileRef): string {
  const query = new URLSearchParams({
    filename: file.filename,
    subfolder: file.subfolder ?? '',
    type: file.type ?? 'output',
  });
  return `${machine}/view?${query.toString()}`;
}

/** A history entry as a finished PollResult, or null while the prompt has not finished. */
export function historyToPoll(machine: string, entry: ComfyHistoryEntry | undefined): PollResult | null {
  if (!entry?.status) return null;
  const messages = entry.status.messages ?? [];
  if (messages.some(([type]) => type === 'execution_interrupted')) return { status: 'cancelled' };
  if (entry.status.status_str === 'error') {
    const error = messages.find(([type]) => type === 'execution_error')?.[1] ?? {};
    const reason = String(error.exception_message ?? 'the workflow failed').trim();
    return {
      status: 'failed',
      failure: {
        code: 'PROVIDER_FAILED',
        message: `ComfyUI failed in ${String(error.node_type ?? 'a node')}: ${reason.slice(0, 200)}`,
        detail: `${String(error.exception_type ?? '')} ${reason}`.trim().slice(0, 300),
        moderation: false,
        retryable: true,
      },
    };
  }
  if (!entry.status.completed) return null;
  const files = videoFiles(entry.outputs);
  if (files.length === 0) {
    return {
      status: 'failed',
      failure: {
        code: 'PROVIDER_FAILED',
        message: 'The ComfyUI workflow finished without a video output.',
        moderation: false,
        retryable: false,
      },
    };
  }
  return {
    status: 'succeeded',
    outputs: files.map((file) => ({
      kind: 'url' as const,
      url: viewUrl(machine, file),
      mimeType: mimeOf(file.filename),
      expiresAt: null,
    })),
  };
}
