import { execFile } from 'node:child_process';
import { AppError } from '../../../common/contract';
import { parseRational } from '../../../common/time';
import type { ProbeJson } from '../../ffmpeg/probeFacts';

/**
 * What verification reads back from a finished file (stream facts and facts of its source come from
 * the media pipeline's probe). ffprobe is not ffmpeg: it runs here with execFile.
 */
export function runProbe(ffprobePath: string, args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath,
      ['-v', 'error', ...args],
      { maxBuffer: 256 * 1024 * 1024, signal },
      (error, stdout, stderr) => {
        if (error) {
          if (signal?.aborted) reject(new AppError('CANCELLED', 'Cancelled.'));
          else
            reject(
              new AppError(
                'MEDIA_CORRUPT',
                'ffprobe could not read a file.',
                `${stderr || error.message}`.slice(-4000),
              ),
            );
        } else resolve(stdout);
      },
    );
  });
}

/** What verification reads back from a finished file. */
export interface OutputCounts {
  videoFrames: number | null;
  videoSeconds: number | null;
  audioSeconds: number | null;
  audioSamples: number | null;
  videoHeaderHash: string | null;
}

/**
 * `countPackets` reads every packet; MP4/MOV need not: their sample tables already hold the exact
 * packet count (nb_frames), which the header check and MP4 verification use.
 */
export async function probeOutputCounts(
  ffprobePath: string,
  path: string,
  signal?: AbortSignal,
  countPackets = true,
): Promise<OutputCounts> {
  const json = JSON.parse(
    await runProbe(
      ffprobePath,
      [
        ...(countPackets ? ['-count_packets'] : []),
        '-show_streams',
        '-show_format',
        '-show_data_hash',
        'sha256',
        '-of',
        'json',
        path,
      ],
      signal,
    ),
  ) as ProbeJson;
  const streams = json.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  const audioSeconds = audio ? Number(audio.duration ?? json.format?.duration ?? NaN) : null;
  const sampleRate = Number(audio?.sample_rate ?? 0);
  const timeBase = parseRational(audio?.time_base ?? '');
  return {
    videoFrames: video ? Number(video.nb_read_packets ?? video.nb_frames ?? NaN) : null,
    videoSeconds: video ? Number(video.duration ?? json.format?.duration ?? NaN) : null,
    audioSeconds,
    audioSamples:
      audio &&
      timeBase &&
      timeBase.num === 1 &&
      timeBase.den === sampleRate &&
      audio.duration_ts !== undefined
        ? audio.duration_ts
        : audioSeconds !== null
          ? Math.round(audioSeconds * sampleRate)
          : null,
    // The same form as the media probe's extradataHash: hex without the "SHA256:" prefix.
    videoHeaderHash: video?.extradata_hash?.replace(/^[A-Z0-9]+:/, '') ?? null,
  };
}
