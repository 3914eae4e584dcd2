import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import { runFfmpeg } from '../../ffmpeg/runner';

export const thumbnailWidth = 320;

/** Runs one ffmpeg job that writes `target`, via a temp file renamed on success. */
export async function produceFile(
  target: string,
  ffmpegPath: string,
  build: (temporaryPath: string) => Parameters<typeof runFfmpeg>[0],
  signal?: AbortSignal,
): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const extension = target.slice(target.lastIndexOf('.'));
  const temporary = `${target}.tmp-${randomBytes(4).toString('hex')}${extension}`;
  try {
    await runFfmpeg(build(temporary), { ffmpegPath, ...(signal ? { signal } : {}) });
    const written = await stat(temporary).catch(() => null);
    if (!written || written.size === 0)
      throw new AppError('MEDIA_CORRUPT', 'ffmpeg produced no picture for this file.');
    await rename(temporary, target);
    return target;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Pixel-aspect-correct, even-sized scaling to a width (ffmpeg applies the rotation before it). */
function scaleTo(width: number): string {
  return `scale='trunc(iw*sar/2)*2':ih,setsar=1,scale='min(${width},iw)':-2`;
}

/**
 * A poster: a video's first keyframe (`-skip_frame nokey`: about 3× cheaper than a seek into a long
 * GOP), or the image itself, scaled to 320 wide, as JPEG.
 */
export function thumbnailInvocation(asset: Asset, sourcePath: string, outputPath: string) {
  if (asset.kind === 'audio')
    throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} is audio: it has no picture to show.`);
  return {
    inputs: [{ path: `file:${sourcePath}`, options: asset.kind === 'video' ? ['-skip_frame', 'nokey'] : [] }],
    globalOptions: ['-loglevel', 'error'],
    filterComplex: null,
    outputs: [
      {
        path: `file:${outputPath}`,
        options: [
          '-map',
          '0:v:0',
          '-frames:v',
          '1',
          '-vf',
          scaleTo(thumbnailWidth),
          '-q:v',
          '4',
          '-f',
          'image2',
        ],
      },
    ],
  };
}

/** The source frame each of `count` filmstrip cells shows: evenly spaced, the first frame first. */
export function filmstripFrames(frameCount: number, count: number): number[] {
  const frames = Math.max(1, frameCount);
  const cells = Math.min(count, frames);
  return Array.from({ length: cells }, (_, index) => Math.floor((index * frames) / cells));
}

/**
 * A filmstrip: the chosen frames picked by index in ONE decode pass (`select`), scaled to the cell
 * height and tiled side by side into one JPEG sprite (about 4× faster than a seek per frame).
 */
export function filmstripInvocation(
  asset: Asset,
  sourcePath: string,
  outputPath: string,
  sourceFrames: number[],
  frameHeight: number,
) {
  if (asset.kind !== 'video' || !asset.media.video)
    throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} is not a video: it has no filmstrip.`);
  const select = sourceFrames.map((frame) => `eq(n\\,${frame})`).join('+');
  const filters = [
    `select='${select}'`,
    `scale='trunc(iw*sar/2)*2':ih,setsar=1,scale=-2:${frameHeight}`,
    `tile=${sourceFrames.length}x1`,
  ];
  return {
    inputs: [{ path: `file:${sourcePath}`, options: [] }],
    globalOptions: ['-loglevel', 'error'],
    filterComplex: null,
    outputs: [
      {
        path: `file:${outputPath}`,
        options: [
          '-map',
          '0:v:0',
          '-vf',
          filters.join(','),
          '-fps_mode',
          'passthrough',
          '-frames:v',
          '1',
          '-q:v',
          '5',
          '-f',
          'image2',
        ],
      },
    ],
  };
}

/** Width and height of a baseline or progressive JPEG, from its SOF marker; null when not found. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      return { width, height };
    }
    offset += 2 + length;
  }
  return null;
}
