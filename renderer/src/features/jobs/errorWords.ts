/**
 * What a failed job means for a creator, by stable error code. The service's own message is shown
 * as well (it names the provider and the situation); these add what to do next. The provider's code
 * stays in the details.
 */
export interface ErrorExplanation {
  title: string;
  advice: string;
  /** Whether offering "Retry" makes sense. Moderation: only after the shot was edited. */
  retry: 'offer' | 'afterEdit' | 'no';
}

const explanations: Record<string, ErrorExplanation> = {
  PROVIDER_MODERATION: {
    title: 'The provider’s content filter refused this shot',
    advice:
      'Reword the prompt or change the keyframe images, then generate again. Shotloom does not retry it on its own.',
    retry: 'afterEdit',
  },
  PROVIDER_AUTH: {
    title: 'The API key was refused',
    advice: 'Open Settings → API keys, paste a valid key for this provider and press Test.',
    retry: 'offer',
  },
  KEY_MISSING: {
    title: 'No API key for this provider',
    advice: 'Add a key in Settings → API keys, or choose the offline Animatic model.',
    retry: 'offer',
  },
  PROVIDER_RATE_LIMITED: {
    title: 'The provider is busy with your other requests',
    advice: 'Wait a minute and retry, or lower the number of takes generated at once.',
    retry: 'offer',
  },
  PROVIDER_UNAVAILABLE: {
    title: 'The provider could not be reached',
    advice: 'Check your internet connection or the provider’s status page, then retry.',
    retry: 'offer',
  },
  PROVIDER_UNCERTAIN: {
    title: 'We could not tell whether the provider started this job',
    advice:
      'It may still be running (and billed) on the provider’s side. Check your provider dashboard before retrying.',
    retry: 'offer',
  },
  PROVIDER_MODEL_RETIRED: {
    title: 'This model has been retired',
    advice: 'Choose another model in the shot’s model picker.',
    retry: 'no',
  },
  PROVIDER_BAD_REQUEST: {
    title: 'The provider rejected the settings',
    advice: 'A setting is out of range for this model. Check duration, ratio and images, then retry.',
    retry: 'afterEdit',
  },
  CAPABILITY_UNSUPPORTED: {
    title: 'This model cannot do what the shot asks',
    advice: 'Remove the unsupported input (keyframe, reference, audio) or choose another model.',
    retry: 'afterEdit',
  },
  BUDGET_EXCEEDED: {
    title: 'The project budget would be exceeded',
    advice: 'Raise the budget in Settings → Project, or generate fewer takes.',
    retry: 'no',
  },
  PROVIDER_OUTPUT_EXPIRED: {
    title: 'The download link expired',
    advice: 'Retry to fetch a fresh link from the provider.',
    retry: 'offer',
  },
  CANCELLED: { title: 'Cancelled', advice: 'You cancelled this job.', retry: 'offer' },
  FFMPEG_MISSING: {
    title: 'FFmpeg is not installed',
    advice: 'Install FFmpeg or set its path in Settings → General.',
    retry: 'offer',
  },
};

const fallback: ErrorExplanation = {
  title: 'The generation failed',
  advice: 'You can retry. If it keeps failing, open the details and share the code with support.',
  retry: 'offer',
};

export function explainError(code: string | null | undefined): ErrorExplanation {
  return (code && explanations[code]) || fallback;
}
