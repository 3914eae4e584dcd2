import type { PollResult, ProviderFailure } from '../types';

/**
 * A video job as OpenAI-style `/v1/videos` endpoints answer it (OpenAI's `Video`, and CometAPI's
 * variant that adds `error` as a status and sometimes a `video_url`).
 */
export interface VideoJob {
  id: string;
  status: string;
  progress?: number | null;
  expires_at?: number | null;
  error?: { code?: string | null; message?: string | null } | null;
  video_url?: string | null;
}

const moderationPattern = /moderation|content_policy|policy_violation|safety|blocked|sensitive/i;

/** A failed job's error as a ProviderFailure: moderation is never retried, anything else is offered. */
export function videoFailure(provider: string, error: VideoJob['error']): ProviderFailure {
  const code = error?.code ?? '';
  const reason = error?.message ?? '';
  const moderation = moderationPattern.test(code) || moderationPattern.test(reason);
  if (moderation) {
    return {
      code: 'PROVIDER_MODERATION',
      message: `${provider} rejected the content of this shot. Edit the prompt or images and try again; it may still be charged.`,
      detail: [code, reason].filter(Boolean).join(': ').slice(0, 300),
      moderation: true,
      retryable: false,
    };
  }
  return {
    code: 'PROVIDER_FAILED',
    message: `${provider} could not generate this take${reason ? `: ${reason.slice(0, 200)}` : ''}.`,
    detail: code || undefined,
    moderation: false,
    retryable: true,
  };
}

/** One status read as the engine's PollResult; `contentUrl` says where the finished video is fetched. */
export function videoJobToPoll(
  provider: string,
  job: VideoJob,
  contentUrl: (id: string) => string,
): PollResult {
  const progress = typeof job.progress === 'number' ? Math.min(1, Math.max(0, job.progress / 100)) : null;
  switch (job.status) {
    case 'queued':
    case 'pending':
      return { status: 'queued', progress };
    case 'in_progress':
    case 'processing':
    case 'running':
      return { status: 'running', progress };
    case 'completed':
    case 'succeeded': {
      const expiresAt =
        typeof job.expires_at === 'number' ? new Date(job.expires_at * 1000).toISOString() : null;
      return {
        status: 'succeeded',
        outputs: [{ kind: 'url', url: contentUrl(job.id), mimeType: 'video/mp4', expiresAt }],
      };
    }
    case 'failed':
    case 'error':
      return { status: 'failed', failure: videoFailure(provider, job.error) };
    case 'cancelled':
    case 'canceled':
      return { status: 'cancelled' };
    default:
      return { status: 'running', progress };
  }
}
