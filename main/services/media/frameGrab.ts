import { AppError } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import type { FfmpegInvocation } from '../../ffmpeg/invocation';

export type FrameChoice = number | 'first' | 'last';

/** The frame index a choice means for an asset (last = frameCount - 1). */
export function frameIndexOf(asset: Asset, choice: FrameChoice): number {
  const video = asset.media.video;
  if (asset.kind !== 'video' || !video)
    throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} is not a video: there is no frame to grab.`);
  const last = Math.max(0, video.frameCount - 1);
  if (choice === 'first') return 0;
  if (choice === 'last') return last;
  if (choice > last)
    throw new AppError(
      'BAD_REQUEST',
      `${asset.name} has ${video.frameCount} frames; frame ${choice} is past its end.`,
    );
  return choice;
}

/**
 * One exact frame as a PNG (shown the way a player shows it: rotation and pixel aspect applied).
 * First frame: `-frames:v 1`. Last frame: `-sseof` a few frames before the end and `-update 1`, so
 * the file ends up holding the very last decoded frame (exact, and no decode from the start). Any
 * other frame: selected by index in decode order of presentation (`select=eq(n,k)`).
 */
export function frameGrabInvocation(
  asset: Asset,
  sourcePath: string,
  outputPath: string,
  frameIndex: number,
): FfmpegInvocation {
  const video = asset.media.video;
  if (!video) throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} has no picture.`);
  const squarePixels =
    video.sampleAspect.num === video.sampleAspect.den ? [] : [`scale='trunc(iw*sar/2)*2':ih,setsar=1`];
  const output = (filters: string[], extra: string[]) => ({
    path: `file:${outputPath}`,
    options: [
      '-map',
      '0:v:0',
      '-vf',
      [...filters, ...squarePixels].join(',') || 'null',
      ...extra,
      '-f',
      'image2',
      '-c:v',
      'png',
    ],
  });
  const isLast = frameIndex === video.frameCount - 1 && frameIndex > 0;
  if (frameIndex === 0)
    return {
      inputs: [{ path: `file:${sourcePath}`, options: [] }],
      globalOptions: ['-loglevel', 'error'],
      filterComplex: null,
      outputs: [output([], ['-frames:v', '1'])],
    };
  if (isLast && !video.variableFrameRate) {
    // A few frames' worth of time before the end (at least 0.1 s) is always inside the last frame.
    const backSeconds = Math.max(0.1, (3 * video.rate.den) / video.rate.num);
    return {
      inputs: [{ path: `file:${sourcePath}`, options: ['-sseof', `-${backSeconds.toFixed(6)}`] }],
      globalOptions: ['-loglevel', 'error'],
      filterComplex: null,
      outputs: [output([], ['-update', '1', '-fps_mode', 'passthrough'])],
    };
  }
  return {
    inputs: [{ path: `file:${sourcePath}`, options: [] }],
    globalOptions: ['-loglevel', 'error'],
    filterComplex: null,
    outputs: [output([`select='eq(n\\,${frameIndex})'`], ['-frames:v', '1', '-fps_mode', 'passthrough'])],
  };
}
