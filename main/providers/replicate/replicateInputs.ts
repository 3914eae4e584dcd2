import { AppError } from '../../../common/contract';
import type { GenerationRequest, LocalMedia } from '../types';
import { promptWithCamera } from '../promptText';

/**
 * Replicate video models take model-specific inputs (each model's OpenAPI schema). The ones
 * Shotloom maps, from their replicate.com API pages (providers.md (f)); any other `owner/name`
 * gets the common fields (prompt, image, negative_prompt, seed) plus `options.extra`.
 */

export type UploadedUrl = (media: LocalMedia) => Promise<string>;

interface ModelMapping {
  modes: ReadonlySet<string>;
  maxReferences?: number;
  build(request: GenerationRequest, url: UploadedUrl): Promise<Record<string, unknown>>;
}

const veo31: ModelMapping = {
  modes: new Set(['textToVideo', 'imageToVideo', 'firstLastFrame', 'referenceImages']),
  maxReferences: 3,
  async build(request, url) {
    const { first, last } = request.keyframes;
    return {
      prompt: promptWithCamera(request),
      aspect_ratio: request.ratio,
      duration: request.durationSeconds,
      generate_audio: request.audio,
      ...(request.options.resolution ? { resolution: request.options.resolution } : {}),
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
      ...(request.seed !== null ? { seed: request.seed } : {}),
      ...(first && request.mode !== 'textToVideo' && request.mode !== 'referenceImages'
        ? { image: await url(first) }
        : {}),
      ...(last && request.mode === 'firstLastFrame' ? { last_frame: await url(last) } : {}),
      ...(request.mode === 'referenceImages'
        ? { reference_images: await Promise.all(request.references.map((reference) => url(reference.file))) }
        : {}),
    };
  },
};

const klingV3: ModelMapping = {
  modes: new Set(['textToVideo', 'imageToVideo', 'firstLastFrame']),
  async build(request, url) {
    const { first, last } = request.keyframes;
    return {
      prompt: promptWithCamera(request),
      aspect_ratio: request.ratio,
      duration: request.durationSeconds,
      generate_audio: request.audio,
      mode: request.options.resolution === '1080p' ? 'pro' : 'standard',
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
      ...(first && request.mode !== 'textToVideo' ? { start_image: await url(first) } : {}),
      ...(last && request.mode === 'firstLastFrame' ? { end_image: await url(last) } : {}),
    };
  },
};

const generic: ModelMapping = {
  modes: new Set(['textToVideo', 'imageToVideo']),
  async build(request, url) {
    const first = request.keyframes.first;
    return {
      prompt: promptWithCamera(request),
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
      ...(request.seed !== null ? { seed: request.seed } : {}),
      ...(first && request.mode === 'imageToVideo' ? { image: await url(first) } : {}),
    };
  },
};

const mappings: Record<string, ModelMapping> = {
  'google/veo-3.1': veo31,
  'google/veo-3.1-fast': veo31,
  'kwaivgi/kling-v3-video': klingV3,
};

function mappingFor(model: string): ModelMapping {
  if (!/^[a-z0-9][\w.-]*\/[\w.-]+$/i.test(model)) {
    throw new AppError('BAD_REQUEST', `A Replicate model is named owner/name; "${model}" is not.`);
  }
  return mappings[model] ?? generic;
}

export function checkReplicateRequest(request: GenerationRequest): void {
  const mapping = mappingFor(request.model);
  if (!mapping.modes.has(request.mode)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Shotloom does not map ${request.mode} for the Replicate model ${request.model}.`,
    );
  }
  if (request.mode === 'imageToVideo' && !request.keyframes.first)
    throw new AppError('BAD_REQUEST', 'Image to video needs a first keyframe.');
  if (request.mode === 'firstLastFrame' && (!request.keyframes.first || !request.keyframes.last)) {
    throw new AppError('BAD_REQUEST', 'First + last frame needs both keyframes.');
  }
  if (request.mode === 'referenceImages') {
    if (request.references.length === 0)
      throw new AppError('BAD_REQUEST', 'Add at least one reference image.');
    if (request.references.length > (mapping.maxReferences ?? 0)) {
      throw new AppError(
        'CAPABILITY_UNSUPPORTED',
        `${request.model} takes at most ${mapping.maxReferences} reference images.`,
      );
    }
  }
}

export async function replicateInput(
  request: GenerationRequest,
  url: UploadedUrl,
): Promise<Record<string, unknown>> {
  checkReplicateRequest(request);
  const input = await mappingFor(request.model).build(request, url);
  return { ...input, ...(request.options.extra ?? {}) };
}
