import { readFile } from 'node:fs/promises';
import type LumaAI from 'lumaai';
import { AppError } from '../../../common/contract';
import type { GenerationRequest, LocalMedia } from '../types';
import { promptWithCamera } from '../promptText';

type CreateParams = LumaAI.Generations.GenerationCreateParams;
type Keyframes = NonNullable<CreateParams['keyframes']>;

/**
 * A request as Luma Dream Machine `POST /generations/video` (lumaai@1.19.1): ray-2 / ray-flash-2,
 * `duration` "5s" | "9s", keyframes `frame0` (first) and `frame1` (last) as images, and extend as
 * `frame0: {type:'generation', id}` (providers.md (d)).
 */

export const lumaModels = new Set(['ray-2', 'ray-flash-2']);
const ratios = new Set(['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21']);
const durations = new Set([5, 9]);
const resolutions = new Set(['540p', '720p', '1080p', '4k']);

/**
 * Luma takes keyframe images as URLs only (no upload route). By default a still is sent inline as a
 * `data:` URL; a host can give a publisher that puts the still somewhere Luma can fetch instead.
 */
export type ImagePublisher = (media: LocalMedia) => Promise<string>;

export const inlineImage: ImagePublisher = async (media) =>
  `data:${media.mimeType};base64,${(await readFile(media.path)).toString('base64')}`;

export function checkLumaRequest(request: GenerationRequest): void {
  if (!lumaModels.has(request.model)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Luma model ${request.model} is not one the Dream Machine API offers (ray-2, ray-flash-2).`,
    );
  }
  if (!['textToVideo', 'imageToVideo', 'firstLastFrame', 'extend'].includes(request.mode)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Luma cannot do ${request.mode} through the Dream Machine API.`,
    );
  }
  if (!ratios.has(request.ratio))
    throw new AppError('CAPABILITY_UNSUPPORTED', `Luma does not offer the ${request.ratio} ratio.`);
  if (!durations.has(request.durationSeconds))
    throw new AppError('CAPABILITY_UNSUPPORTED', 'Luma makes clips of 5 or 9 seconds.');
  const resolution = request.options.resolution;
  if (resolution !== undefined && !resolutions.has(resolution)) {
    throw new AppError('CAPABILITY_UNSUPPORTED', `Luma offers 540p, 720p, 1080p or 4k, not ${resolution}.`);
  }
  if (request.mode === 'imageToVideo' && !request.keyframes.first)
    throw new AppError('BAD_REQUEST', 'Image to video needs a first keyframe.');
  if (request.mode === 'firstLastFrame' && (!request.keyframes.first || !request.keyframes.last)) {
    throw new AppError('BAD_REQUEST', 'First + last frame needs both keyframes.');
  }
  if (request.mode === 'extend' && !request.options.sourceGenerationId) {
    throw new AppError(
      'BAD_REQUEST',
      'Luma extends one of its own generations: pick a Luma take of this project.',
    );
  }
}

export async function lumaParameters(
  request: GenerationRequest,
  publish: ImagePublisher,
): Promise<CreateParams> {
  checkLumaRequest(request);
  const keyframes: Keyframes = {};
  const { first, last } = request.keyframes;
  if ((request.mode === 'imageToVideo' || request.mode === 'firstLastFrame') && first) {
    keyframes.frame0 = { type: 'image', url: await publish(first) };
  }
  if (request.mode === 'firstLastFrame' && last)
    keyframes.frame1 = { type: 'image', url: await publish(last) };
  if (request.mode === 'extend')
    keyframes.frame0 = { type: 'generation', id: request.options.sourceGenerationId! };
  return {
    model: request.model as CreateParams['model'],
    prompt: promptWithCamera(request),
    aspect_ratio: request.ratio as CreateParams['aspect_ratio'],
    duration: `${request.durationSeconds}s`,
    ...(request.options.resolution ? { resolution: request.options.resolution } : {}),
    ...(request.options.loop !== undefined ? { loop: request.options.loop } : {}),
    ...(Object.keys(keyframes).length > 0 ? { keyframes } : {}),
  };
}
