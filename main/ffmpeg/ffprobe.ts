import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../common/contract';
import {
  factsFromProbe,
  mainVideoStream,
  isStill,
  parsePacketCsv,
  type ProbeJson,
  type ProbedMedia,
  type VideoPacket,
} from './probeFacts';

export interface ProbeOptions {
  ffprobePath: string;
  /** Each ffprobe run is killed after this long (MEDIA_TIMEOUT). Default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Files up to this size are probed in one run (default singleRunLimitBytes). */
  singleRunLimitBytes?: number;
}

export const defaultProbeTimeoutMs = 30_000;

/** Does the file start like an ISO media file (mp4/mov: a box type at byte 4)? */
async function startsLikeIsoMedia(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(12), 0, 12, 0);
      if (bytesRead < 8) return false;
      return /^(ftyp|moov|mdat|wide|free|skip|pnot)$/.test(buffer.toString('latin1', 4, 8));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function classify(stderr: string, path: string, isoMedia: boolean): AppError {
  const detail = stderr.trim().split('\n').slice(-10).join('\n');
  const incomplete = /partial file|Truncating packet|End of file/i.test(stderr);
  const noIndex = /moov atom not found/i.test(stderr);
  if (incomplete || (noIndex && isoMedia))
    return new AppError(
      'MEDIA_CORRUPT',
      'This file is incomplete or damaged (a cut-off download or copy?); it cannot be used.',
      detail,
    );
  if (/No such file or directory/i.test(stderr))
    return new AppError('FILE_NOT_FOUND', `The file ${path} does not exist.`, detail);
  if (/Permission denied/i.test(stderr))
    return new AppError('FILE_UNREADABLE', `Shotloom may not read ${path}.`, detail);
  if (
    noIndex ||
    /Invalid data found when processing input|could not find codec parameters|Unknown format/i.test(stderr)
  )
    return new AppError(
      'MEDIA_UNSUPPORTED',
      'This is not a video, image or audio file Shotloom can read (or it is badly damaged).',
      detail,
    );
  return new AppError('MEDIA_CORRUPT', 'ffprobe could not read this file.', detail);
}

/** Runs ffprobe with a timeout; resolves with stdout, rejects with a classified AppError. */
export function runFfprobe(args: string[], path: string, options: ProbeOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? defaultProbeTimeoutMs;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('CANCELLED', 'Cancelled.'));
      return;
    }
    const child = execFile(
      options.ffprobePath,
      ['-hide_banner', '-v', 'error', ...args, `file:${path}`],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 128 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        options.signal?.removeEventListener('abort', onAbort);
        if (!error) {
          resolve(stdout);
          return;
        }
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (options.signal?.aborted) reject(new AppError('CANCELLED', 'Cancelled.'));
        else if (failure.code === 'ENOENT' && !stderr)
          reject(new AppError('FFMPEG_MISSING', `ffprobe could not be started at ${options.ffprobePath}.`));
        else if (failure.killed || failure.signal === 'SIGKILL')
          reject(
            new AppError(
              'MEDIA_TIMEOUT',
              `Reading ${path} took longer than ${Math.round(timeoutMs / 1000)} s; the file may be damaged or on a stalled drive.`,
            ),
          );
        else void startsLikeIsoMedia(path).then((iso) => reject(classify(stderr, path, iso)));
      },
    );
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Files up to this size are probed in ONE ffprobe run (streams and packets); larger ones in two. */
export const singleRunLimitBytes = 256 * 1024 * 1024;

/** Streams and format, with side data (rotation) and the extradata hash; optionally every packet. */
export async function probeStreams(
  path: string,
  options: ProbeOptions,
  withPackets = false,
): Promise<ProbeJson> {
  const stdout = await runFfprobe(
    [
      '-show_data_hash',
      'sha256',
      '-show_format',
      '-show_streams',
      ...(withPackets ? ['-show_entries', 'packet=stream_index,pts,duration,flags'] : []),
      '-of',
      'json',
    ],
    path,
    options,
  );
  try {
    return JSON.parse(stdout) as ProbeJson;
  } catch {
    throw new AppError(
      'MEDIA_CORRUPT',
      'ffprobe gave an answer Shotloom could not read.',
      stdout.slice(0, 500),
    );
  }
}

/** The first video stream's packets: pts, duration, key flag. Reads the container only, never decodes. */
export async function probeVideoPackets(path: string, options: ProbeOptions): Promise<VideoPacket[]> {
  const stdout = await runFfprobe(
    ['-select_streams', 'v:0', '-show_entries', 'packet=pts,duration,flags', '-of', 'csv=p=0'],
    path,
    options,
  );
  return parsePacketCsv(stdout);
}

/**
 * Everything the model needs about one file: exact facts and, for videos, the keyframe list.
 * FILE_NOT_FOUND for a missing file, MEDIA_CORRUPT for an empty or damaged one, MEDIA_UNSUPPORTED
 * for non-media, MEDIA_TIMEOUT when ffprobe hangs.
 */
export async function probeMedia(path: string, options: ProbeOptions): Promise<ProbedMedia> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('MEDIA_UNSUPPORTED', `${path} is not a file.`);
    sizeBytes = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('FILE_UNREADABLE', `Shotloom may not read ${path}.`);
    throw new AppError('FILE_NOT_FOUND', `The file ${path} does not exist.`);
  }
  if (sizeBytes === 0) throw new AppError('MEDIA_CORRUPT', 'This file is empty (0 bytes).');
  // A probe costs about one process start-up: one run for usual files, two (the packet list in CSV,
  // video only) for very large ones, whose all-stream JSON packet list would be big.
  const single = sizeBytes <= (options.singleRunLimitBytes ?? singleRunLimitBytes);
  const json = await probeStreams(path, options, single);
  const video = mainVideoStream(json);
  let packets: VideoPacket[] | null = null;
  if (video && !isStill(json, video)) {
    packets = single
      ? (json.packets ?? [])
          .filter((packet) => packet.stream_index === video.index)
          .map((packet) => ({
            pts: typeof packet.pts === 'number' ? packet.pts : null,
            duration: typeof packet.duration === 'number' ? packet.duration : null,
            keyframe: (packet.flags ?? '').includes('K'),
          }))
      : await probeVideoPackets(path, options);
  }
  delete json.packets;
  return factsFromProbe(json, packets, sizeBytes);
}
