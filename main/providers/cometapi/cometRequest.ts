import type OpenAI from 'openai';
import { AppError } from '../../../common/contract';
import { soraSize, uploadable } from '../openai/soraRequest';
import type { GenerationRequest } from '../types';
import type { VideoJob } from '../openai/videoJob';
import { promptWithCamera } from '../promptText';

/**
 * CometAPI's OpenAI-compatible `/v1/videos` (apidoc.cometapi.com/api/video/veo3, …/sora-2): Sora 2
 * with OpenAI's fields, and Veo 3.1 (`veo3.1`, `veo3.1-fast`) with 4/6/8 s, its own sizes and one
 * `input_reference` file (first frame) or two ordered files (first + last frame).
 */

export type CometFamily = 'sora' | 'veo';

export function cometFamily(model: string): CometFamily | null {
  if (model.startsWith('sora-2')) return 'sora';
  if (model.startsWith('veo3.1')) return 'veo';
  return null;
}

const veoSizes: Record<string, Record<string, string>> = {
  '720p': { '16:9': '1280x720', '9:16': '720x1280' },
  '1080p': { '16:9': '1920x1080' },
  '4k': { '16:9': '3840x2160' },
};

export const cometModes: Record<CometFamily, ReadonlySet<string>> = {
  sora: new Set(['textToVideo', 'imageToVideo']),
  veo: new Set(['textToVideo', 'imageToVideo', 'firstLastFrame']),
};

export const cometSeconds: Record<CometFamily, ReadonlySet<number>> = {
  sora: new Set([4, 8, 12]),
  veo: new Set([4, 6, 8]),
};

export function cometSize(request: GenerationRequest, family: CometFamily): string {
  if (family === 'sora') return soraSize(request);
  if (request.options.size) return request.options.size;
  const size = veoSizes[request.options.resolution ?? '720p']?.[request.ratio];
  if (!size) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Veo 3.1 on CometAPI makes 16:9 or 9:16 at 720p, and 16:9 only at 1080p and 4k; this shot asks for ${request.ratio} at ${request.options.resolution ?? '720p'}.`,
    );
  }
  return size;
}

/** The one create call. Two ordered files need a raw multipart post (the SDK would name them `input_reference[]`). */
export async function sendCometCreate(
  client: OpenAI,
  request: GenerationRequest,
  options: { signal: AbortSignal; timeout: number },
): Promise<VideoJob> {
  const family = cometFamily(request.model);
  if (!family)
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `CometAPI model ${request.model} is not one Shotloom knows.`,
    );
  const size = cometSize(request, family);
  const seconds = String(request.durationSeconds);
  const { first, last } = request.keyframes;
  if (request.mode !== 'textToVideo' && !first)
    throw new AppError('BAD_REQUEST', 'This mode needs a first keyframe.');
  if (request.mode === 'firstLastFrame') {
    if (!first || !last) throw new AppError('BAD_REQUEST', 'First + last frame needs both keyframes.');
    const form = new FormData();
    form.append('model', request.model);
    form.append('prompt', promptWithCamera(request));
    form.append('seconds', seconds);
    form.append('size', size);
    form.append('input_reference', await uploadable(first));
    form.append('input_reference', await uploadable(last));
    return client.post<VideoJob>('/videos', { body: form, ...options });
  }
  return client.videos.create(
    {
      model: request.model,
      prompt: promptWithCamera(request),
      seconds: seconds as OpenAI.Videos.VideoSeconds,
      size: size as OpenAI.Videos.VideoSize,
      ...(request.mode === 'imageToVideo' && first ? { input_reference: await uploadable(first) } : {}),
    },
    options,
  );
}
