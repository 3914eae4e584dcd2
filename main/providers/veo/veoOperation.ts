import type { GenerateVideosOperation } from '@google/genai';
import type { PollResult } from '../types';

const moderationPattern = /safety|policy|blocked|rai|sensitive|harm|celebrity|person|child/i;

/**
 * A Veo operation as a PollResult. No progress is reported (the operation has none). A finished
 * operation with no video and `raiMediaFilteredCount` / reasons is a moderation block (not charged,
 * per Google's docs); an operation `error` is a failure, moderation when its message says so.
 */
export function veoOperationToPoll(operation: GenerateVideosOperation): PollResult {
  if (!operation.done) return { status: 'running', progress: null };
  if (operation.error) {
    const message = String((operation.error as { message?: unknown }).message ?? 'unknown error');
    const code = String((operation.error as { code?: unknown }).code ?? '');
    const moderation = moderationPattern.test(message);
    return {
      status: 'failed',
      failure: {
        code: moderation ? 'PROVIDER_MODERATION' : 'PROVIDER_FAILED',
        message: moderation
          ? 'Google Veo blocked this shot for safety reasons. Edit the prompt or images and try again.'
          : `Google Veo could not generate this take: ${message.slice(0, 200)}`,
        detail: `${code} ${message}`.trim().slice(0, 300),
        moderation,
        retryable: !moderation,
      },
    };
  }
  const response = operation.response;
  const videos = (response?.generatedVideos ?? []).filter((item) => item.video?.uri);
  if (videos.length === 0) {
    const reasons = response?.raiMediaFilteredReasons ?? [];
    const filtered = (response?.raiMediaFilteredCount ?? 0) > 0 || reasons.length > 0;
    return {
      status: 'failed',
      failure: filtered
        ? {
            code: 'PROVIDER_MODERATION',
            message: `Google Veo filtered the result for safety${reasons[0] ? `: ${reasons[0].slice(0, 200)}` : ''}. Edit the shot and try again (blocked videos are not charged).`,
            detail: reasons.join(' | ').slice(0, 300),
            moderation: true,
            retryable: false,
          }
        : {
            code: 'PROVIDER_FAILED',
            message: 'Google Veo finished without a video.',
            moderation: false,
            retryable: true,
          },
    };
  }
  return {
    status: 'succeeded',
    outputs: videos.map((item) => ({
      kind: 'url' as const,
      url: item.video!.uri!,
      mimeType: item.video?.mimeType ?? 'video/mp4',
      // Gemini keeps generated videos for two days.
      expiresAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString(),
    })),
  };
}
