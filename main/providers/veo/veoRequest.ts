import { readFile } from 'node:fs/promises';
import { VideoGenerationReferenceType, type GenerateVideosParameters, type Image } from '@google/genai';
import { AppError } from '../../../common/contract';
import type { GenerationRequest, LocalMedia } from '../types';
import { promptWithCamera } from '../promptText';

/**
 * A request as `models.generateVideos` parameters for the Gemini API (providers.md (c)): text,
 * first frame (`source.image`), first + last (`config.lastFrame`), up to three asset reference
 * images, and extension (`source.video`). Vertex-only fields (seed, generateAudio, fps, …) are never
 * set: the SDK refuses them on the Gemini API, and Veo 3.x makes audio there anyway.
 */

const ratios = new Set(['16:9', '9:16']);
const durations = new Set([4, 6, 8]);
const resolutions = new Set(['720p', '1080p', '4k']);
export const veoMaxReferences = 3;

/** Throws a clear error for what Veo on the Gemini API cannot do. */
export function checkVeoRequest(request: GenerationRequest): void {
  const modes = ['textToVideo', 'imageToVideo', 'firstLastFrame', 'referenceImages', 'extend'];
  if (!modes.includes(request.mode))
    throw new AppError('CAPABILITY_UNSUPPORTED', `Veo cannot do ${request.mode}.`);
  if (request.options.vertex) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      'Veo on Vertex AI is not available in this version; use the Gemini API key.',
    );
  }
  if (!ratios.has(request.ratio))
    throw new AppError('CAPABILITY_UNSUPPORTED', `Veo makes 16:9 or 9:16 videos, not ${request.ratio}.`);
  if (!durations.has(request.durationSeconds)) {
    throw new AppError('CAPABILITY_UNSUPPORTED', 'Veo makes clips of 4, 6 or 8 seconds.');
  }
  const needsEight = ['firstLastFrame', 'referenceImages', 'extend'].includes(request.mode);
  if (needsEight && request.durationSeconds !== 8) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      'Veo needs 8 seconds for first + last frame, reference images and extension.',
    );
  }
  const resolution = request.options.resolution ?? '720p';
  if (!resolutions.has(resolution))
    throw new AppError('CAPABILITY_UNSUPPORTED', `Veo offers 720p, 1080p or 4k, not ${resolution}.`);
  if (resolution !== '720p' && request.durationSeconds !== 8) {
    throw new AppError('CAPABILITY_UNSUPPORTED', `Veo renders ${resolution} only for 8-second clips.`);
  }
  if (request.mode === 'extend' && resolution !== '720p') {
    throw new AppError('CAPABILITY_UNSUPPORTED', 'Veo extends videos at 720p only.');
  }
  if (request.mode === 'imageToVideo' && !request.keyframes.first) {
    throw new AppError('BAD_REQUEST', 'Image to video needs a first keyframe.');
  }
  if (request.mode === 'firstLastFrame' && (!request.keyframes.first || !request.keyframes.last)) {
    throw new AppError('BAD_REQUEST', 'First + last frame needs both keyframes.');
  }
  if (request.mode === 'referenceImages') {
    if (request.references.length === 0)
      throw new AppError('BAD_REQUEST', 'Add at least one reference image.');
    if (request.references.length > veoMaxReferences) {
      throw new AppError('CAPABILITY_UNSUPPORTED', `Veo takes at most ${veoMaxReferences} reference images.`);
    }
  }
  if (request.mode === 'extend' && !request.options.sourceGenerationId && !request.sourceVideo) {
    throw new AppError('BAD_REQUEST', 'Veo extends a video it made: pick a Veo take of this project.');
  }
}

async function image(media: LocalMedia): Promise<Image> {
  return { imageBytes: (await readFile(media.path)).toString('base64'), mimeType: media.mimeType };
}

export async function veoParameters(request: GenerationRequest): Promise<GenerateVideosParameters> {
  checkVeoRequest(request);
  const { first, last } = request.keyframes;
  const withImage = request.mode === 'imageToVideo' || request.mode === 'firstLastFrame';
  const source: NonNullable<GenerateVideosParameters['source']> = { prompt: promptWithCamera(request) };
  if (withImage && first) source.image = await image(first);
  if (request.mode === 'extend') {
    source.video = request.options.sourceGenerationId
      ? { uri: request.options.sourceGenerationId }
      : {
          videoBytes: (await readFile(request.sourceVideo!.path)).toString('base64'),
          mimeType: request.sourceVideo!.mimeType,
        };
  }
  const config: NonNullable<GenerateVideosParameters['config']> = {
    numberOfVideos: 1,
    durationSeconds: request.durationSeconds,
    aspectRatio: request.ratio,
    resolution: request.options.resolution ?? '720p',
  };
  if (request.negativePrompt) config.negativePrompt = request.negativePrompt;
  if (request.options.personGeneration) config.personGeneration = request.options.personGeneration;
  if (request.options.enhancePrompt !== undefined) config.enhancePrompt = request.options.enhancePrompt;
  if (request.mode === 'firstLastFrame' && last) config.lastFrame = await image(last);
  if (request.mode === 'referenceImages') {
    config.referenceImages = await Promise.all(
      request.references.map(async (reference) => ({
        image: await image(reference.file),
        referenceType: VideoGenerationReferenceType.ASSET,
      })),
    );
  }
  return { model: request.model, source, config };
}
