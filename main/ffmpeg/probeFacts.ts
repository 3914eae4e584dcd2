import { AppError } from '../../common/contract';
import type { AssetKind, AudioFacts, MediaFacts, VideoFacts } from '../../common/model';
import { parseRational, rational, rescale, type Rational } from '../../common/time';

/** The parts of `ffprobe -show_format -show_streams -of json` the facts are made from. */
export interface ProbeStream {
  index: number;
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
  /** With -count_packets. */
  nb_read_packets?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  extradata_hash?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

export interface ProbeJson {
  streams?: ProbeStream[];
  /** Present when packets were listed in the same run. */
  packets?: Array<{ stream_index?: number; pts?: number; duration?: number; flags?: string }>;
  format?: { format_name?: string; duration?: string; size?: string };
}

/** One video packet as `-show_entries packet=pts,duration,flags` lists it (no decoding). */
export interface VideoPacket {
  pts: number | null;
  duration: number | null;
  keyframe: boolean;
}

/** Where a video stream can be cut without decoding: its keyframes, in presentation order. */
export interface KeyframeList {
  timeBase: Rational;
  /** Presentation timestamps of the keyframes, in `timeBase` units, ascending. */
  pts: number[];
  /** The same keyframes as frame indexes (0 = the first frame shown). */
  frames: number[];
}

export interface ProbedMedia {
  kind: AssetKind;
  facts: MediaFacts;
  /** Null for images and audio. */
  keyframes: KeyframeList | null;
}

/** Image codecs: a single picture is a still, not a video. */
const imageCodecs = new Set(['png', 'mjpeg', 'webp', 'bmp', 'tiff', 'gif', 'jpegls', 'jpeg2000', 'qoi']);
const imageContainers = /(^|,)(image2|[a-z0-9]+_pipe|webp_pipe|gif)(,|$)/;

/** Images larger than this many pixels (or wider/taller than maxImageSide) are refused. */
export const maxImagePixels = 100_000_000;
export const maxImageSide = 16384;

/** "1.001000" (ffprobe's decimal seconds) to an exact rational; null for N/A. */
export function decimalToRational(text: string | undefined): Rational | null {
  if (text === undefined) return null;
  const match = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const den = 10 ** fraction.length;
  return rational(Number(match[1]) * den + Number(fraction || '0'), den);
}

function ratio(text: string | undefined): Rational | null {
  if (!text) return null;
  const value = parseRational(text);
  return value && value.num > 0 ? value : null;
}

/** Clockwise display rotation: side data holds the counter-clockwise angle, the old `rotate` tag the clockwise one. */
export function clockwiseRotation(stream: ProbeStream): VideoFacts['rotation'] {
  const sideData = stream.side_data_list?.find((entry) => typeof entry.rotation === 'number');
  let degrees: number | null = null;
  if (sideData?.rotation !== undefined) degrees = -sideData.rotation;
  else if (stream.tags?.rotate !== undefined && Number.isFinite(Number(stream.tags.rotate)))
    degrees = Number(stream.tags.rotate);
  if (degrees === null) return 0;
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return (quarter * 90) as VideoFacts['rotation'];
}

function bitDepth(stream: ProbeStream): number | null {
  const raw = Number(stream.bits_per_raw_sample);
  if (Number.isInteger(raw) && raw > 0) return raw;
  const format = stream.pix_fmt ?? '';
  const match = /p(9|10|12|14|16)(le|be)$/.exec(format);
  if (match) return Number(match[1]);
  return format ? 8 : null;
}

/** Sorted packet pts deltas vary by more than one tick and 5 %: a variable frame rate. */
export function isVariableFrameRate(sortedPts: number[]): boolean {
  if (sortedPts.length < 3) return false;
  let min = Infinity;
  let max = -Infinity;
  for (let index = 1; index < sortedPts.length; index += 1) {
    const delta = (sortedPts[index] ?? 0) - (sortedPts[index - 1] ?? 0);
    if (delta <= 0) continue;
    if (delta < min) min = delta;
    if (delta > max) max = delta;
  }
  if (!Number.isFinite(min)) return false;
  return max - min > 1 && (max - min) / max > 0.05;
}

/** Keyframe pts and their frame indexes in presentation order. */
export function keyframeList(packets: VideoPacket[], timeBase: Rational): KeyframeList {
  const withPts = packets.filter((packet): packet is VideoPacket & { pts: number } => packet.pts !== null);
  const sorted = [...withPts].sort((a, b) => a.pts - b.pts);
  const pts: number[] = [];
  const frames: number[] = [];
  sorted.forEach((packet, index) => {
    if (packet.keyframe) {
      pts.push(packet.pts);
      frames.push(index);
    }
  });
  return { timeBase, pts, frames };
}

function streamDuration(stream: ProbeStream): Rational | null {
  const timeBase = ratio(stream.time_base);
  if (timeBase && typeof stream.duration_ts === 'number' && stream.duration_ts > 0)
    return rational(stream.duration_ts * timeBase.num, timeBase.den);
  return decimalToRational(stream.duration);
}

function audioFacts(stream: ProbeStream, fallbackDuration: Rational | null): AudioFacts {
  const sampleRate = Number(stream.sample_rate);
  const channels = stream.channels ?? 0;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || channels <= 0)
    throw new AppError('MEDIA_UNSUPPORTED', 'The audio in this file has no usable sample rate or channels.');
  const timeBase = ratio(stream.time_base);
  let sampleCount = 0;
  if (timeBase && typeof stream.duration_ts === 'number' && stream.duration_ts > 0) {
    // duration_ts ticks of timeBase seconds → samples: ticks / (1/timeBase) * sampleRate.
    sampleCount = rescale(stream.duration_ts, { num: timeBase.den, den: timeBase.num }, rational(sampleRate));
  } else {
    const duration = decimalToRational(stream.duration) ?? fallbackDuration;
    if (duration) sampleCount = rescale(duration.num, rational(duration.den), rational(sampleRate));
  }
  return {
    codec: stream.codec_name ?? 'unknown',
    sampleRate,
    channels,
    channelLayout: stream.channel_layout ?? null,
    sampleCount,
  };
}

function videoFacts(
  stream: ProbeStream,
  packets: VideoPacket[] | null,
  duration: Rational | null,
  still: boolean,
): VideoFacts {
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  if (width <= 0 || height <= 0)
    throw new AppError('MEDIA_UNSUPPORTED', 'The picture in this file has no width or height.');
  const timeBase = ratio(stream.time_base) ?? rational(1, 90000);
  const sortedPts = (packets ?? [])
    .map((packet) => packet.pts)
    .filter((pts): pts is number => pts !== null)
    .sort((a, b) => a - b);
  const realRate = ratio(stream.r_frame_rate);
  const averageRate = ratio(stream.avg_frame_rate);
  const variable = !still && packets !== null && isVariableFrameRate(sortedPts);
  const rate = realRate ?? averageRate ?? rational(25);
  const declared = Number(stream.nb_frames);
  const counted = packets?.length ?? 0;
  const hasDeclared = Number.isInteger(declared) && declared > 0;
  if (hasDeclared && packets !== null && counted < declared)
    throw new AppError(
      'MEDIA_CORRUPT',
      `The video is incomplete: only ${counted} of its ${declared} frames are in the file (a cut-off download or copy?).`,
    );
  let frameCount: number;
  if (still) frameCount = 1;
  else if (variable && duration) {
    // A VFR stream is conformed to `rate` when used: the frames it has at that rate.
    frameCount = rescale(duration.num, rational(duration.den), rate);
  } else frameCount = hasDeclared ? declared : counted;
  const aspect = parseRational((stream.sample_aspect_ratio ?? '').replace(':', '/'));
  return {
    codec: stream.codec_name ?? 'unknown',
    profile: stream.profile ?? null,
    width,
    height,
    sampleAspect: aspect && aspect.num > 0 ? aspect : rational(1),
    pixelFormat: stream.pix_fmt ?? null,
    bitDepth: bitDepth(stream),
    rate,
    variableFrameRate: variable,
    rotation: clockwiseRotation(stream),
    frameCount,
    timeBase,
    extradataHash: stream.extradata_hash ? stream.extradata_hash.replace(/^[A-Z0-9]+:/, '') : null,
  };
}

/** The video stream the editor uses: the first one that is not cover art. */
export function mainVideoStream(json: ProbeJson): ProbeStream | null {
  return (
    json.streams?.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1) ??
    null
  );
}

/** Is this a still picture rather than a video? */
export function isStill(json: ProbeJson, stream: ProbeStream): boolean {
  const formatName = json.format?.format_name ?? '';
  if (imageContainers.test(formatName)) return true;
  return (
    imageCodecs.has(stream.codec_name ?? '') && (stream.nb_frames === undefined || stream.nb_frames === '1')
  );
}

/**
 * ffprobe's answer (and the video packet list, when read) as the model's facts. Throws
 * MEDIA_UNSUPPORTED for files with no usable stream and images too large to handle.
 */
export function factsFromProbe(
  json: ProbeJson,
  packets: VideoPacket[] | null,
  sizeBytes: number,
): ProbedMedia {
  const video = mainVideoStream(json);
  const audioStreams = (json.streams ?? []).filter((stream) => stream.codec_type === 'audio');
  const firstAudio = audioStreams[0] ?? null;
  if (!video && !firstAudio)
    throw new AppError('MEDIA_UNSUPPORTED', 'This file has neither a picture nor sound Shotloom can use.');
  const still = video !== null && isStill(json, video);
  if (still && video) {
    const pixels = (video.width ?? 0) * (video.height ?? 0);
    if (pixels > maxImagePixels || (video.width ?? 0) > maxImageSide || (video.height ?? 0) > maxImageSide)
      throw new AppError(
        'MEDIA_UNSUPPORTED',
        `This image is too large (${video.width}x${video.height}); the limit is ${maxImageSide} pixels a side and 100 megapixels.`,
      );
  }
  const formatDuration = decimalToRational(json.format?.duration);
  const duration =
    (video && !still ? streamDuration(video) : null) ??
    (firstAudio ? streamDuration(firstAudio) : null) ??
    formatDuration ??
    rational(0);
  const videoFactsValue = video ? videoFacts(video, still ? null : packets, duration, still) : null;
  const kind: AssetKind = video ? (still ? 'image' : 'video') : 'audio';
  const keyframes =
    kind === 'video' && packets && videoFactsValue ? keyframeList(packets, videoFactsValue.timeBase) : null;
  return {
    kind,
    keyframes,
    facts: {
      container: json.format?.format_name ?? 'unknown',
      duration: still ? rational(0) : duration,
      sizeBytes,
      video: videoFactsValue,
      audio: firstAudio && !still ? audioFacts(firstAudio, formatDuration) : null,
      audioStreamCount: still ? 0 : audioStreams.length,
    },
  };
}

/** Parses `-show_entries packet=pts,duration,flags -of csv=p=0` output. */
export function parsePacketCsv(text: string): VideoPacket[] {
  const packets: VideoPacket[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [pts, duration, flags] = line.split(',');
    const ptsValue = Number(pts);
    const durationValue = Number(duration);
    packets.push({
      pts: pts && Number.isFinite(ptsValue) ? ptsValue : null,
      duration: duration && Number.isFinite(durationValue) ? durationValue : null,
      keyframe: (flags ?? '').includes('K'),
    });
  }
  return packets;
}
