import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { AppError } from '../../../common/contract';
import type { GenerationRequest, LocalMedia } from '../types';
import { promptWithCamera } from '../promptText';

type Video = OpenAI.Videos.Video;
type VideoSize = OpenAI.Videos.VideoSize;
type VideoSeconds = OpenAI.Videos.VideoSeconds;

/**
 * Sizes per ratio, as the OpenAPI `VideoSize` enum lists them: sora-2 renders 1280x720 / 720x1280;
 * sora-2-pro adds 1792x1024 / 1024x1792 (resolution "high"). An explicit `options.size` wins.
 */
const standardSizes: Record<string, string> = { '16:9': '1280x720', '9:16': '720x1280' };
const highSizes: Record<string, string> = { '16:9': '1792x1024', '9:16': '1024x1792' };

/** The pixel size sent as `size`: the explicit option, else one derived from the ratio and resolution. */
export function soraSize(request: GenerationRequest): string {
  if (request.options.size) return request.options.size;
  const pro = request.model.includes('pro');
  const table = pro && request.options.resolution === 'high' ? highSizes : standardSizes;
  const size = table[request.ratio];
  if (!size) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Sora 2 makes 16:9 or 9:16 videos; this shot asks for ${request.ratio}.`,
    );
  }
  return size;
}

/** A local file as an upload part (read into memory: stills and short clips only). */
export async function uploadable(media: LocalMedia): Promise<File> {
  return toFile(createReadStream(media.path), basename(media.path), { type: media.mimeType });
}

/** Sora takes a first frame only when it matches the requested size pixel for pixel. */
function checkReferenceSize(first: LocalMedia, size: string): void {
  if (first.width === undefined || first.height === undefined) return;
  if (`${first.width}x${first.height}` !== size) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      `Sora 2 needs the first keyframe at exactly ${size} pixels; this one is ${first.width}x${first.height}. ` +
        'Crop or scale it to that size first.',
    );
  }
}

function sourceVideoRef(
  request: GenerationRequest,
): { kind: 'id'; id: string } | { kind: 'file'; media: LocalMedia } {
  if (request.options.sourceGenerationId) return { kind: 'id', id: request.options.sourceGenerationId };
  if (request.sourceVideo) return { kind: 'file', media: request.sourceVideo };
  throw new AppError(
    'BAD_REQUEST',
    `Sora 2 ${request.mode} needs a source video: a Sora take of this project, or a video file.`,
  );
}

/** Sends the one create call for the request's mode (create, remix, edit or extend). */
export async function sendSoraCreate(
  client: OpenAI,
  request: GenerationRequest,
  options: { signal: AbortSignal; timeout: number },
): Promise<Video> {
  const seconds = String(request.durationSeconds) as VideoSeconds;
  switch (request.mode) {
    case 'textToVideo':
    case 'imageToVideo': {
      const size = soraSize(request);
      const first = request.mode === 'imageToVideo' ? request.keyframes.first : null;
      if (request.mode === 'imageToVideo' && !first) {
        throw new AppError('BAD_REQUEST', 'Image to video needs a first keyframe.');
      }
      if (first) checkReferenceSize(first, size);
      return client.videos.create(
        {
          prompt: promptWithCamera(request),
          model: request.model,
          seconds,
          size: size as VideoSize,
          ...(first ? { input_reference: await uploadable(first) } : {}),
        },
        options,
      );
    }
    case 'remix': {
      const source = request.options.sourceGenerationId;
      if (!source) throw new AppError('BAD_REQUEST', 'A Sora remix needs the id of an earlier Sora take.');
      return client.videos.remix(source, { prompt: promptWithCamera(request) }, options);
    }
    case 'videoToVideo': {
      const source = sourceVideoRef(request);
      const video = source.kind === 'id' ? { id: source.id } : await uploadable(source.media);
      return client.videos.edit({ prompt: promptWithCamera(request), video }, options);
    }
    case 'extend': {
      const source = sourceVideoRef(request);
      const video = source.kind === 'id' ? { id: source.id } : await uploadable(source.media);
      return client.videos.extend({ prompt: promptWithCamera(request), seconds, video }, options);
    }
    default:
      throw new AppError('CAPABILITY_UNSUPPORTED', `Sora 2 cannot do ${request.mode}.`);
  }
}

/** Modes the Sora 2 Videos API offers (first+last frame and reference images are not among them). */
const soraModes = new Set(['textToVideo', 'imageToVideo', 'remix', 'videoToVideo', 'extend']);
const soraSeconds = new Set([4, 8, 12, 16, 20]);

/** What the Videos API itself refuses, checked before any request (the engine checks the catalog first). */
export function checkSoraRequest(request: GenerationRequest): void {
  if (!soraModes.has(request.mode)) {
    throw new AppError('CAPABILITY_UNSUPPORTED', `Sora 2 cannot do ${request.mode}.`);
  }
  if (request.mode !== 'remix' && !soraSeconds.has(request.durationSeconds)) {
    throw new AppError(
      'CAPABILITY_UNSUPPORTED',
      'Sora 2 makes clips of 4, 8 or 12 seconds (extensions up to 20).',
    );
  }
  if (request.mode === 'textToVideo' || request.mode === 'imageToVideo') soraSize(request);
}
