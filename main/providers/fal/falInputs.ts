import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../common/contract';
import type { GenerationMode } from '../../../common/model';
import type { GenerationRequest, LocalMedia } from '../types';
import { promptWithCamera } from '../promptText';

/**
 * fal endpoints Shotloom maps, with their input fields as `@fal-ai/client@1.10.1`'s
 * `src/types/endpoints.d.ts` types them. Local files go in as Blobs: the client uploads them to
 * fal storage and sends the URLs.
 */

type Input = Record<string, unknown>;
type Builder = (request: GenerationRequest, file: (media: LocalMedia) => Promise<Blob>) => Promise<Input>;

interface Endpoint {
  modes: ReadonlySet<GenerationMode>;
  maxReferences?: number;
  build: Builder;
}

const seconds = (request: GenerationRequest): string => String(request.durationSeconds);
const veoSeconds = (request: GenerationRequest): string => `${request.durationSeconds}s`;
/** Plain values only: anything awaited goes in a conditional expression so it runs only when needed. */
const optional = (condition: boolean, value: Input): Input => (condition ? value : {});

function common(request: GenerationRequest): Input {
  return {
    prompt: promptWithCamera(request),
    ...optional(request.negativePrompt !== '', { negative_prompt: request.negativePrompt }),
  };
}

const kling: Endpoint = {
  modes: new Set(['imageToVideo', 'firstLastFrame']),
  build: async (request, file) => ({
    ...common(request),
    duration: seconds(request),
    generate_audio: request.audio,
    start_image_url: await file(request.keyframes.first!),
    ...(request.mode === 'firstLastFrame' ? { end_image_url: await file(request.keyframes.last!) } : {}),
  }),
};

const klingText: Endpoint = {
  modes: new Set(['textToVideo']),
  build: async (request) => ({
    ...common(request),
    duration: seconds(request),
    aspect_ratio: request.ratio,
    generate_audio: request.audio,
  }),
};

const klingReference: Endpoint = {
  modes: new Set(['referenceImages', 'imageToVideo', 'firstLastFrame']),
  maxReferences: 4,
  build: async (request, file) => ({
    prompt: promptWithCamera(request),
    duration: seconds(request),
    aspect_ratio: request.ratio,
    generate_audio: request.audio,
    ...(request.references.length > 0
      ? { image_urls: await Promise.all(request.references.map((reference) => file(reference.file))) }
      : {}),
    ...(request.mode !== 'referenceImages' ? { start_image_url: await file(request.keyframes.first!) } : {}),
    ...(request.mode === 'firstLastFrame' ? { end_image_url: await file(request.keyframes.last!) } : {}),
  }),
};

const klingEdit: Endpoint = {
  modes: new Set(['videoToVideo']),
  build: async (request, file) => ({
    prompt: promptWithCamera(request),
    video_url: await file(request.sourceVideo!),
  }),
};

const wan: Endpoint = {
  modes: new Set(['imageToVideo', 'firstLastFrame', 'extend']),
  build: async (request, file) => ({
    ...common(request),
    duration: seconds(request),
    ...optional(request.options.resolution !== undefined, { resolution: request.options.resolution }),
    ...optional(request.seed !== null, { seed: request.seed }),
    ...optional(request.options.enhancePrompt !== undefined, {
      enable_prompt_expansion: request.options.enhancePrompt,
    }),
    ...(request.mode !== 'extend' ? { image_url: await file(request.keyframes.first!) } : {}),
    ...(request.mode === 'firstLastFrame' ? { end_image_url: await file(request.keyframes.last!) } : {}),
    ...(request.mode === 'extend' ? { video_url: await file(request.sourceVideo!) } : {}),
  }),
};

const ltx: Endpoint = {
  modes: new Set(['imageToVideo']),
  build: async (request, file) => ({
    prompt: promptWithCamera(request),
    image_url: await file(request.keyframes.first!),
    duration: seconds(request),
    generate_audio: request.audio,
    ...optional(request.options.resolution !== undefined, { resolution: request.options.resolution }),
  }),
};

const hailuo: Endpoint = {
  modes: new Set(['imageToVideo']),
  build: async (request, file) => ({
    prompt: promptWithCamera(request),
    image_url: await file(request.keyframes.first!),
    ...optional(request.options.enhancePrompt !== undefined, {
      prompt_optimizer: request.options.enhancePrompt,
    }),
  }),
};

const seedance: Endpoint = {
  modes: new Set(['imageToVideo', 'firstLastFrame']),
  build: async (request, file) => ({
    prompt: promptWithCamera(request),
    aspect_ratio: request.ratio,
    duration: seconds(request),
    generate_audio: request.audio,
    image_url: await file(request.keyframes.first!),
    ...(request.mode === 'firstLastFrame' ? { end_image_url: await file(request.keyframes.last!) } : {}),
    ...optional(request.options.resolution !== undefined, { resolution: request.options.resolution }),
    ...optional(request.seed !== null, { seed: request.seed }),
  }),
};

function veo(modes: GenerationMode[], extra: Builder): Endpoint {
  return {
    modes: new Set(modes),
    maxReferences: 3,
    build: async (request, file) => ({
      prompt: promptWithCamera(request),
      generate_audio: request.audio,
      ...optional(request.options.resolution !== undefined, { resolution: request.options.resolution }),
      ...(await extra(request, file)),
    }),
  };
}

const endpoints: Record<string, Endpoint> = {
  'fal-ai/kling-video/v3/pro/image-to-video': kling,
  'fal-ai/kling-video/v3/standard/image-to-video': kling,
  'fal-ai/kling-video/v3/pro/text-to-video': klingText,
  'fal-ai/kling-video/o3/pro/reference-to-video': klingReference,
  'fal-ai/kling-video/o3/pro/video-to-video/edit': klingEdit,
  'fal-ai/wan/v2.7/image-to-video': wan,
  'fal-ai/ltx-2/image-to-video': ltx,
  'fal-ai/minimax/hailuo-2.3/pro/image-to-video': hailuo,
  'fal-ai/bytedance/seedance/v1.5/pro/image-to-video': seedance,
  'fal-ai/veo3.1': veo(['textToVideo'], async (request) => ({
    ...common(request),
    duration: veoSeconds(request),
    aspect_ratio: request.ratio,
    ...optional(request.seed !== null, { seed: request.seed }),
  })),
  'fal-ai/veo3.1/image-to-video': veo(['imageToVideo'], async (request, file) => ({
    ...common(request),
    duration: veoSeconds(request),
    aspect_ratio: request.ratio,
    image_url: await file(request.keyframes.first!),
  })),
  'fal-ai/veo3.1/first-last-frame-to-video': veo(['firstLastFrame'], async (request, file) => ({
    ...common(request),
    duration: veoSeconds(request),
    aspect_ratio: request.ratio,
    first_frame_url: await file(request.keyframes.first!),
    last_frame_url: await file(request.keyframes.last!),
  })),
  'fal-ai/veo3.1/reference-to-video': veo(['referenceImages'], async (request, file) => ({
    duration: veoSeconds(request),
    aspect_ratio: request.ratio,
    image_urls: await Promise.all(request.references.map((reference) => file(reference.file))),
  })),
  'fal-ai/veo3.1/extend-video': veo(['extend'], async (request, file) => ({
    ...common(request),
    video_url: await file(request.sourceVideo!),
  })),
};

export function falEndpointIds(): string[] {
  return Object.keys(endpoints);
}

export function checkFalRequest(request: GenerationRequest): void {
  const endpoint = endpoints[request.model];
  if (!endpoint)
    throw new AppError('CAPABILITY_UNSUPPORTED', `Shotloom does not know the fal endpoint ${request.model}.`);
  if (!endpoint.modes.has(request.mode)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `The fal endpoint ${request.model} cannot do ${request.mode}.`,
    );
  }
  const { first, last } = request.keyframes;
  const needsFirst = request.mode === 'imageToVideo' || request.mode === 'firstLastFrame';
  if (needsFirst && !first) throw new AppError('BAD_REQUEST', 'This mode needs a first keyframe.');
  if (request.mode === 'firstLastFrame' && !last)
    throw new AppError('BAD_REQUEST', 'First + last frame needs both keyframes.');
  if ((request.mode === 'videoToVideo' || request.mode === 'extend') && !request.sourceVideo) {
    throw new AppError('BAD_REQUEST', 'This mode needs a source video.');
  }
  if (request.mode === 'referenceImages') {
    if (request.references.length === 0)
      throw new AppError('BAD_REQUEST', 'Add at least one reference image.');
    if (request.references.length > (endpoint.maxReferences ?? 0)) {
      throw new AppError(
        'CAPABILITY_UNSUPPORTED',
        `${request.model} takes at most ${endpoint.maxReferences} reference images.`,
      );
    }
  }
}

export async function localBlob(media: LocalMedia): Promise<Blob> {
  return new File([await readFile(media.path)], basename(media.path), { type: media.mimeType });
}

export async function falInput(request: GenerationRequest): Promise<Input> {
  checkFalRequest(request);
  const input = await endpoints[request.model]!.build(request, localBlob);
  return { ...input, ...(request.options.extra ?? {}) };
}
