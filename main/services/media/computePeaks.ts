import { AppError } from '../../../common/contract';
import type { MediaFacts } from '../../../common/model';
import { streamPeaks, streamPeaksInParts, type StreamedPeaks } from './peaksStream';
import { streamWavPeaks, wavPcmLayout } from './wavPeaks';

/** Tracks at least this long are decoded in two parts at once (one per core). */
const splitAfterSamples = 48000 * 60;

/**
 * Peaks of an asset's audio the cheapest exact way: a 16-bit PCM WAV is read directly; a long
 * compressed track at ≤ 48 kHz is decoded by two ffmpeg processes at once; anything else by one.
 */
export async function computePeaks(
  path: string,
  media: MediaFacts,
  samplesPerBucket: number,
  ffmpegPath: string,
  signal: AbortSignal,
): Promise<StreamedPeaks> {
  const audio = media.audio;
  if (!audio) throw new AppError('MEDIA_UNSUPPORTED', 'This file has no sound.');
  if (audio.codec === 'pcm_s16le' && /(^|,)wav(,|$)/.test(media.container) && !media.video) {
    const layout = await wavPcmLayout(path).catch(() => null);
    if (layout && layout.sampleRate === audio.sampleRate)
      return streamWavPeaks(path, layout, samplesPerBucket, signal);
  }
  const options = { ffmpegPath, sourceSampleRate: audio.sampleRate, samplesPerBucket, signal };
  if (audio.sampleRate <= 48000 && audio.sampleCount >= splitAfterSamples)
    return streamPeaksInParts(path, { ...options, sampleCount: audio.sampleCount, segments: 2 });
  return streamPeaks(path, { ...options, sampleCount: audio.sampleCount });
}
