import { rename, rm } from 'node:fs/promises';
import { AppError } from '../../../common/contract';
import { probeMedia } from '../../ffmpeg/ffprobe';
import { isProviderError } from '../../providers/errors';
import type { AdapterContext, GenerationOutput, ProviderAdapter } from '../../providers/types';

export type DownloadOutcome =
  | { ok: true; file: string; bytes: number }
  | { ok: false; kind: 'expired' | 'retry' | 'invalid' | 'fatal'; error: AppError };

/**
 * One attempt at getting an output onto disk: the adapter streams it into `partFile` (a partial
 * file from an earlier cut attempt is continued where the adapter can), ffprobe checks it is a
 * playable video with a duration, and only then is it renamed to its final staging name (the
 * .part suffix dropped). Nothing half-downloaded ever looks finished.
 */
export async function downloadAndVerify(options: {
  adapter: ProviderAdapter;
  output: GenerationOutput;
  partFile: string;
  context: AdapterContext;
  ffprobePath: string;
}): Promise<DownloadOutcome> {
  let bytes: number;
  try {
    bytes = (await options.adapter.download(options.output, options.partFile, options.context)).bytes;
  } catch (error) {
    const shape = error instanceof AppError ? error : new AppError('PROVIDER_FAILED', String(error));
    if (shape.code === 'PROVIDER_OUTPUT_EXPIRED') return { ok: false, kind: 'expired', error: shape };
    if (isProviderError(error) && error.retryable) return { ok: false, kind: 'retry', error: shape };
    return { ok: false, kind: 'fatal', error: shape };
  }
  try {
    const probed = await probeMedia(options.partFile, { ffprobePath: options.ffprobePath });
    const duration = probed.facts.duration.num / probed.facts.duration.den;
    if (probed.kind !== 'video' || !probed.facts.video || !(duration > 0)) {
      return {
        ok: false,
        kind: 'invalid',
        error: new AppError('MEDIA_UNSUPPORTED', 'The downloaded file has no video.'),
      };
    }
  } catch (error) {
    const shape = error instanceof AppError ? error : new AppError('MEDIA_CORRUPT', String(error));
    return { ok: false, kind: 'invalid', error: shape };
  }
  const file = options.partFile.replace(/\.part$/, '.mp4');
  await rm(file, { force: true });
  await rename(options.partFile, file);
  return { ok: true, file, bytes };
}
