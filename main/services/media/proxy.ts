import type { Asset } from '../../../common/model';
import type { FfmpegInvocation } from '../../ffmpeg/invocation';

/**
 * Does the viewer need an H.264 proxy to play this video smoothly? ProRes, 10-bit (or deeper)
 * HEVC/other high-bit-depth sources, and anything larger than 1920x1080 (4K) do.
 */
export function needsProxy(asset: Asset): boolean {
  const video = asset.media.video;
  if (asset.kind !== 'video' || !video) return false;
  if (video.codec === 'prores' || video.codec === 'dnxhd') return true;
  if ((video.bitDepth ?? 8) > 8) return true;
  return video.width * video.height > 1920 * 1080;
}

/**
 * The proxy: H.264 8-bit 4:2:0, at most 1920 wide, every frame kept with its timestamp (so the
 * viewer's frame n is the source's frame n), AAC sound, moov first for quick seeking. Export always
 * uses the original.
 */
export function proxyInvocation(asset: Asset, sourcePath: string, outputPath: string): FfmpegInvocation {
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
          ...(asset.media.audio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '160k'] : []),
          '-vf',
          "scale='min(1920,iw)':-2",
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-crf',
          '23',
          '-pix_fmt',
          'yuv420p',
          '-g',
          '12',
          '-fps_mode',
          'passthrough',
          '-movflags',
          '+faststart',
          '-f',
          'mp4',
        ],
      },
    ],
  };
}
