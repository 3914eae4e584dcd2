import { AppError } from '../../../common/contract';
import { findModel } from '../../../common/catalog';
import { promptWithCamera } from '../promptText';
import type { GenerationRequest } from '../types';

export type RunwayRoute =
  '/v1/text_to_video' | '/v1/image_to_video' | '/v1/video_to_video' | '/v1/character_performance';

export interface RunwayCall {
  route: RunwayRoute;
  body: Record<string, unknown>;
}

/** Local files the request needs uploaded, keyed by role. */
export interface RunwayUploads {
  first?: string;
  last?: string;
  video?: string;
  references: string[];
}

const veo1080: Record<string, string> = { '16:9': '1920:1080', '9:16': '1080:1920' };

/** Runway's pixel ratio for a portable ratio ("16:9" → "1280:720"). */
export function runwayRatio(request: GenerationRequest): string {
  const model = findModel('runway', request.model);
  const isVeo = request.model.startsWith('veo3.1');
  if (isVeo && request.options.resolution === '1080p') {
    const wide = veo1080[request.ratio];
    if (wide) return wide;
  }
  const wire = model?.ratioWire?.[request.ratio];
  if (!wire)
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Runway ${request.model} does not make ${request.ratio} video.`,
    );
  return wire;
}

/**
 * The one Runway create call for a request, once its local files are uploaded (runway:// URIs).
 * Camera direction goes into the prompt (Runway has no camera parameter).
 */
export function runwayCall(request: GenerationRequest, uris: RunwayUploads): RunwayCall {
  const promptText = promptWithCamera(request);
  const seed = request.seed === null ? {} : { seed: request.seed };
  const moderation = request.options.publicFigureThreshold
    ? { contentModeration: { publicFigureThreshold: request.options.publicFigureThreshold } }
    : {};
  const text = promptText ? { promptText } : {};
  switch (request.model) {
    case 'gen4.5':
    case 'gen4_turbo': {
      const format = request.options.outputFormat ? { outputFormat: request.options.outputFormat } : {};
      if (request.mode === 'textToVideo') {
        return {
          route: '/v1/text_to_video',
          body: {
            model: request.model,
            promptText,
            ratio: runwayRatio(request),
            duration: request.durationSeconds,
            ...seed,
            ...moderation,
            ...format,
          },
        };
      }
      return {
        route: '/v1/image_to_video',
        body: {
          model: request.model,
          promptImage: [{ uri: required(uris.first, 'first keyframe'), position: 'first' }],
          ...text,
          ratio: runwayRatio(request),
          duration: request.durationSeconds,
          ...seed,
          ...moderation,
          ...(request.model === 'gen4.5' ? format : {}),
        },
      };
    }
    case 'veo3.1':
    case 'veo3.1_fast': {
      const common = {
        model: request.model,
        ratio: runwayRatio(request),
        duration: request.durationSeconds,
        audio: request.audio,
        ...(request.negativePrompt.trim() ? { negativePrompt: request.negativePrompt.trim() } : {}),
        ...seed,
      };
      if (request.mode === 'textToVideo')
        return { route: '/v1/text_to_video', body: { ...common, promptText } };
      const images: Array<{ uri: string; position: 'first' | 'last' }> = [
        { uri: required(uris.first, 'first keyframe'), position: 'first' },
      ];
      if (request.mode === 'firstLastFrame')
        images.push({ uri: required(uris.last, 'last keyframe'), position: 'last' });
      return { route: '/v1/image_to_video', body: { ...common, ...text, promptImage: images } };
    }
    case 'aleph2': {
      const count = uris.references.length;
      const keyframes = uris.references.map((uri, index) => ({
        uri,
        at: count === 1 ? 0 : index / (count - 1),
      }));
      return {
        route: '/v1/video_to_video',
        body: {
          model: 'aleph2',
          videoUri: required(uris.video, 'source video'),
          ...text,
          ...(keyframes.length > 0 ? { keyframes } : {}),
          ...(request.options.targetAspectRatio
            ? { targetAspectRatio: request.options.targetAspectRatio }
            : {}),
          ...(request.options.outputFormat ? { outputFormat: request.options.outputFormat } : {}),
          ...seed,
          ...moderation,
        },
      };
    }
    case 'gen4_aleph':
      return {
        route: '/v1/video_to_video',
        body: {
          model: 'gen4_aleph',
          videoUri: required(uris.video, 'source video'),
          promptText,
          ...(uris.references[0] ? { references: [{ type: 'image', uri: uris.references[0] }] } : {}),
          ...seed,
          ...moderation,
        },
      };
    case 'act_two':
      return {
        route: '/v1/character_performance',
        body: {
          model: 'act_two',
          character: { type: 'image', uri: required(uris.first, 'character image (first keyframe)') },
          reference: { type: 'video', uri: required(uris.video, 'performance video') },
          ratio: runwayRatio(request),
          ...(request.options.performance?.bodyControl !== undefined
            ? { bodyControl: request.options.performance.bodyControl }
            : {}),
          ...(request.options.performance?.expressionIntensity !== undefined
            ? { expressionIntensity: request.options.performance.expressionIntensity }
            : {}),
          ...seed,
          ...moderation,
        },
      };
    default:
      throw new AppError(
        'CAPABILITY_UNSUPPORTED',
        `Shotloom does not know how to call Runway model ${request.model}.`,
      );
  }
}

/** Which local files a request needs uploaded before the create. */
export function runwayUploadsNeeded(request: GenerationRequest): {
  first: boolean;
  last: boolean;
  video: boolean;
  references: number;
} {
  const usesImages = request.mode !== 'textToVideo';
  return {
    first:
      usesImages &&
      request.keyframes.first !== null &&
      request.model !== 'aleph2' &&
      request.model !== 'gen4_aleph',
    last: request.mode === 'firstLastFrame' && request.keyframes.last !== null,
    video: request.sourceVideo !== null && (request.mode === 'videoToVideo' || request.mode === 'extend'),
    references: request.model === 'aleph2' || request.model === 'gen4_aleph' ? request.references.length : 0,
  };
}

function required(uri: string | undefined, what: string): string {
  if (!uri) throw new AppError('CAPABILITY_UNSUPPORTED', `This Runway request needs a ${what}.`);
  return uri;
}
