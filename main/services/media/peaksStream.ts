import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import { PeakAccumulator, type PeakLevel } from '../../../common/media/peaks';
import { runFfmpeg } from '../../ffmpeg/runner';

export interface StreamedPeaks {
  /** The rate the audio was decoded at (the source's, at most 48 kHz). */
  decodeRate: number;
  /** Samples decoded (mono, at decodeRate). */
  samples: number;
  level: PeakLevel;
}

/** Where ffmpeg sends the PCM: a private Unix socket (POSIX) or a loopback TCP port (Windows). */
async function listen(server: Server): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (process.platform === 'win32') {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return { url: `tcp://127.0.0.1:${port}`, cleanup: async () => undefined };
  }
  const folder = await mkdtemp(join(tmpdir(), 'shotloom-pcm-'));
  const socketPath = join(folder, `${randomBytes(4).toString('hex')}.sock`);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return { url: `unix:${socketPath}`, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * Decodes the first audio stream to 16-bit mono PCM with ffmpeg (through the runner) and computes
 * min/max per `samplesPerBucket` while the PCM streams in over a socket: memory stays flat whatever
 * the length, and nothing is decoded in Node.
 */
export async function streamPeaks(
  sourcePath: string,
  options: {
    ffmpegPath: string;
    sourceSampleRate: number;
    samplesPerBucket: number;
    /** The probed length: decoded audio is cut there (AAC decodes with its end padding). */
    sampleCount?: number;
    signal?: AbortSignal;
  },
): Promise<StreamedPeaks> {
  const decodeRate = Math.min(48000, options.sourceSampleRate);
  const accumulator = new PeakAccumulator(options.samplesPerBucket);
  let accepted: Socket | null = null;
  let ended!: () => void;
  const streamEnded = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const server = createServer((socket) => {
    if (accepted) {
      socket.destroy(); // only ffmpeg's one connection is read
      return;
    }
    accepted = socket;
    socket.on('data', (chunk: Buffer) => accumulator.pushBytes(chunk));
    socket.on('close', () => ended());
    socket.on('error', () => ended());
  });
  const { url, cleanup } = await listen(server);
  const trim =
    options.sampleCount && decodeRate === options.sourceSampleRate
      ? ['-af', `atrim=end_sample=${options.sampleCount}`]
      : [];
  try {
    await runFfmpeg(
      {
        inputs: [{ path: `file:${sourcePath}`, options: [] }],
        globalOptions: ['-loglevel', 'error'],
        filterComplex: null,
        outputs: [
          {
            path: url,
            options: [
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
              '-f',
              's16le',
            ],
          },
        ],
      },
      { ffmpegPath: options.ffmpegPath, ...(options.signal ? { signal: options.signal } : {}) },
    );
    if (accepted) await streamEnded;
    else throw new AppError('FFMPEG_FAILED', 'ffmpeg did not send any audio for the waveform.');
  } finally {
    (accepted as Socket | null)?.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await cleanup();
  }
  return { decodeRate, samples: accumulator.samples, level: accumulator.finish() };
}
