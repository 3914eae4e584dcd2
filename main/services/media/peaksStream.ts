import { AppError } from '../../../common/contract';
import { PeakAccumulator, type PeakLevel } from '../../../common/media/peaks';
import { ticksToSecondsString } from '../../../common/time';
import { runFfmpeg } from '../../ffmpeg/runner';
import { openPcmChannel } from './pcmChannel';
import { createPeakKernel } from './peakKernel';

export interface StreamedPeaks {
  /** The rate the audio was decoded at (the source's, at most 48 kHz). */
  decodeRate: number;
  /** Samples decoded (mono, at decodeRate). */
  samples: number;
  level: PeakLevel;
}

/**
 * Decodes the first audio stream to 16-bit mono PCM with ffmpeg (through the runner) and computes
 * min/max per `samplesPerBucket` while the PCM streams in over a socket, with the SIMD kernel on
 * the bytes where they were read: memory stays flat whatever the length, nothing is decoded or
 * copied in Node.
 */
export async function streamPeaks(
  sourcePath: string,
  options: {
    ffmpegPath: string;
    sourceSampleRate: number;
    samplesPerBucket: number;
    /** The probed length: decoded audio is cut there (AAC decodes with its end padding). */
    sampleCount?: number;
    /** Start this many samples in (at the source rate); sampleCount then counts from here. */
    startSample?: number;
    signal?: AbortSignal;
  },
): Promise<StreamedPeaks> {
  const decodeRate = Math.min(48000, options.sourceSampleRate);
  const kernel = createPeakKernel();
  const accumulator = new PeakAccumulator(options.samplesPerBucket, kernel);
  const channel = await openPcmChannel(kernel.readBuffer, (bytes) => accumulator.pushBytes(bytes));
  const start = options.startSample
    ? ['-ss', ticksToSecondsString(options.startSample, { num: options.sourceSampleRate, den: 1 }, 9)]
    : [];
  const trim =
    options.sampleCount && decodeRate === options.sourceSampleRate
      ? ['-af', `atrim=end_sample=${options.sampleCount}`]
      : [];
  // Ends ffmpeg when the caller cancels, or when Node could not connect (ffmpeg would wait forever).
  const stop = new AbortController();
  const forward = () => stop.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  if (options.signal?.aborted) stop.abort();
  try {
    const decoding = runFfmpeg(
      {
        inputs: [{ path: `file:${sourcePath}`, options: start }],
        globalOptions: ['-loglevel', 'error'],
        filterComplex: null,
        outputs: [
          {
            path: channel.url,
            options: [
              ...channel.outputOptions,
              '-map',
              '0:a:0',
              '-vn',
              ...trim,
              '-ac',
              '1',
              '-ar',
              String(decodeRate),
              '-c:a',
              'pcm_s16le',
              // Fill avio's buffer before each write instead of writing every packet (a few KB):
              // a sixth of the wake-ups for the reader, about 20 ms less for 3 minutes.
              '-flush_packets',
              '0',
              '-f',
              's16le',
            ],
          },
        ],
      },
      { ffmpegPath: options.ffmpegPath, signal: stop.signal },
    );
    const received = await channel.receive(decoding);
    if (!received) stop.abort();
    await decoding.catch((error: unknown) => {
      if (received || options.signal?.aborted) throw error;
      // The real failure (a damaged file, say) comes first; a stop of ours is reported below.
      if (!(error instanceof AppError && error.code === 'CANCELLED')) throw error;
    });
    if (!received) throw new AppError('FFMPEG_FAILED', 'ffmpeg did not send any audio for the waveform.');
  } finally {
    options.signal?.removeEventListener('abort', forward);
    await channel.cleanup();
  }
  return { decodeRate, samples: accumulator.samples, level: accumulator.finish() };
}

/**
 * The same peaks from `segments` ffmpeg processes decoding consecutive parts at once (one per core),
 * split at bucket boundaries so the parts join exactly. For long compressed tracks at ≤ 48 kHz.
 */
export async function streamPeaksInParts(
  sourcePath: string,
  options: {
    ffmpegPath: string;
    sourceSampleRate: number;
    samplesPerBucket: number;
    sampleCount: number;
    segments: number;
    signal?: AbortSignal;
  },
): Promise<StreamedPeaks> {
  const bucketsTotal = Math.ceil(options.sampleCount / options.samplesPerBucket);
  const bucketsPerPart = Math.ceil(bucketsTotal / options.segments);
  const parts: Array<{ startSample: number; sampleCount: number }> = [];
  for (let part = 0; part < options.segments; part += 1) {
    const startSample = part * bucketsPerPart * options.samplesPerBucket;
    if (startSample >= options.sampleCount) break;
    const endSample = Math.min(options.sampleCount, (part + 1) * bucketsPerPart * options.samplesPerBucket);
    parts.push({ startSample, sampleCount: endSample - startSample });
  }
  // The later parts are started first: they seek before decoding and would otherwise finish last.
  const lastFirst = await Promise.all(
    [...parts].reverse().map((part) =>
      streamPeaks(sourcePath, {
        ffmpegPath: options.ffmpegPath,
        sourceSampleRate: options.sourceSampleRate,
        samplesPerBucket: options.samplesPerBucket,
        sampleCount: part.sampleCount,
        ...(part.startSample > 0 ? { startSample: part.startSample } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    ),
  );
  const results = lastFirst.reverse();
  const count = results.reduce((sum, result) => sum + result.level.min.length, 0);
  const min = new Int16Array(count);
  const max = new Int16Array(count);
  let offset = 0;
  for (const result of results) {
    min.set(result.level.min, offset);
    max.set(result.level.max, offset);
    offset += result.level.min.length;
  }
  return {
    decodeRate: results[0]?.decodeRate ?? options.sourceSampleRate,
    samples: results.reduce((sum, result) => sum + result.samples, 0),
    level: { samplesPerBucket: options.samplesPerBucket, min, max },
  };
}
