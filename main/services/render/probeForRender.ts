import { execFile } from 'node:child_process';
import { AppError } from '../../../common/contract';
import type { MediaFacts } from '../../../common/model';
import { parseRational, rational, type Rational } from '../../../common/time';

/**
 * What the export needs to know about a file: stream facts with the header (extradata) hash, the
 * keyframe list, and verification counts. ffprobe is not ffmpeg: it runs here with execFile.
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

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  pix_fmt?: string;
  bits_per_raw_sample?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  time_base?: string;
  duration_ts?: number;
  duration?: string;
  nb_frames?: string;
  nb_read_packets?: string;
  extradata_hash?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  side_data_list?: Array<{ rotation?: number }>;
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; size?: string };
}

function secondsToRational(text: string | undefined): Rational {
  const value = Number(text ?? 0);
  return rational(Math.round((Number.isFinite(value) ? value : 0) * 1_000_000), 1_000_000);
}

export async function probeMediaFacts(
  ffprobePath: string,
  path: string,
  signal?: AbortSignal,
): Promise<MediaFacts> {
  const json = JSON.parse(
    await runProbe(
      ffprobePath,
      ['-show_format', '-show_streams', '-show_data_hash', 'md5', '-of', 'json', path],
      signal,
    ),
  ) as ProbeJson;
  const streams = json.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  const audioStreams = streams.filter((stream) => stream.codec_type === 'audio');
  const audio = audioStreams[0];
  const duration = Number(json.format?.duration ?? 0);
  let videoFacts: MediaFacts['video'] = null;
  if (video && video.width && video.height) {
    const rate = parseRational(video.r_frame_rate ?? '') ?? rational(25);
    const average = parseRational(video.avg_frame_rate ?? '');
    const frames = Number(video.nb_frames ?? NaN);
    const streamDuration = Number(video.duration ?? duration);
    const rotation = video.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation ?? 0;
    const normalised = (((-rotation % 360) + 360) % 360) as 0 | 90 | 180 | 270;
    videoFacts = {
      codec: video.codec_name ?? 'unknown',
      profile: video.profile ?? null,
      width: video.width,
      height: video.height,
      sampleAspect: parseRational(video.sample_aspect_ratio ?? '1:1') ?? rational(1),
      pixelFormat: video.pix_fmt ?? null,
      bitDepth: video.bits_per_raw_sample ? Number(video.bits_per_raw_sample) : null,
      rate,
      variableFrameRate: average !== null && average.num * rate.den !== rate.num * average.den,
      rotation: [0, 90, 180, 270].includes(normalised) ? normalised : 0,
      frameCount: Number.isFinite(frames) ? frames : Math.round((streamDuration * rate.num) / rate.den),
      timeBase: parseRational(video.time_base ?? '1/90000') ?? rational(1, 90000),
      extradataHash: video.extradata_hash ?? null,
    };
  }
  let audioFacts: MediaFacts['audio'] = null;
  if (audio) {
    const sampleRate = Number(audio.sample_rate ?? 48000);
    const timeBase = parseRational(audio.time_base ?? '');
    const samples =
      timeBase && timeBase.num === 1 && timeBase.den === sampleRate && audio.duration_ts !== undefined
        ? audio.duration_ts
        : Math.round(Number(audio.duration ?? duration) * sampleRate);
    audioFacts = {
      codec: audio.codec_name ?? 'unknown',
      sampleRate,
      channels: audio.channels ?? 2,
      channelLayout: audio.channel_layout ?? null,
      sampleCount: samples,
    };
  }
  return {
    container: json.format?.format_name ?? 'unknown',
    duration: secondsToRational(json.format?.duration),
    sizeBytes: Number(json.format?.size ?? 0),
    video: videoFacts,
    audio: audioFacts,
    audioStreamCount: audioStreams.length,
  };
}

/** Keyframe frame indices of the first video stream, from packet flags (no decoding). */
export async function probeKeyframes(
  ffprobePath: string,
  path: string,
  rate: Rational,
  signal?: AbortSignal,
): Promise<number[]> {
  const [timeBaseText] = (
    await runProbe(
      ffprobePath,
      ['-select_streams', 'v:0', '-show_entries', 'stream=time_base', '-of', 'csv=p=0', path],
      signal,
    )
  ).split('\n');
  const timeBase = parseRational(timeBaseText ?? '') ?? rational(1, 90000);
  const text = await runProbe(
    ffprobePath,
    ['-select_streams', 'v:0', '-show_entries', 'packet=pts,flags', '-of', 'csv=p=0', path],
    signal,
  );
  const frames: number[] = [];
  for (const line of text.split('\n')) {
    const [pts, flags] = line.split(',');
    if (!flags?.includes('K') || pts === undefined || pts === 'N/A') continue;
    frames.push(Math.round((Number(pts) * timeBase.num * rate.num) / (timeBase.den * rate.den)));
  }
  return [...new Set(frames)].sort((a, b) => a - b);
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
        'md5',
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
    videoHeaderHash: video?.extradata_hash ?? null,
  };
}
