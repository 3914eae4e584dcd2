import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Test media made with ffmpeg's lavfi sources (no downloads). Every function writes one file into
 * `dir` and returns its absolute path. Keep sizes small (320x180, a second or two) on the 2-core CI.
 */

export type RateSpec = string | { num: number; den: number };
export type VideoCodec = 'h264' | 'hevc10' | 'prores';

export interface VideoClipOptions {
  /** File name (with extension); defaults to `clip-<codec>-<w>x<h>-<frames>.<mp4|mov>`. */
  name?: string;
  width?: number;
  height?: number;
  /** Frames per second, e.g. 24, '30000/1001', { num: 30000, den: 1001 }. */
  rate?: number | RateSpec;
  /** Exact number of video frames. */
  frames?: number;
  /** false for no audio track; otherwise the audio's sample rate and channel count. */
  audio?: false | { sampleRate?: number; channels?: number };
  codec?: VideoCodec;
  /** Keyframe interval in frames (x264/x265 `-g`, with scene cuts off). Default: the encoder's. */
  gop?: number;
  /** Black picture and silent audio for frames [startFrame, startFrame + frames). */
  syncMarker?: { startFrame: number; frames: number };
  /** lavfi video source; testsrc2 (moving pattern) by default. */
  source?: 'testsrc2' | 'color';
}

export interface AudioFileOptions {
  name?: string;
  format?: 'wav' | 'mp3' | 'm4a';
  sampleRate?: number;
  channels?: number;
  /** Exact length in samples per channel (wav is exact; mp3/m4a are encoded from this many). */
  samples?: number;
  /** Used when `samples` is not given. */
  seconds?: number;
  /** Tone frequency; the amplitude changes every half second so peaks are not flat. */
  frequency?: number;
}

export interface ImageOptions {
  name?: string;
  width?: number;
  height?: number;
  format?: 'png' | 'jpg';
}

export function ffmpegBinary(): string {
  return process.env.FFMPEG_PATH ?? 'ffmpeg';
}

export function ffprobeBinary(): string {
  return process.env.FFPROBE_PATH ?? 'ffprobe';
}

/** Runs ffmpeg with the given arguments (test setup only; the product starts ffmpeg through the runner). */
export function runFfmpegForTest(args: string[], timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegBinary(),
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`ffmpeg ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve();
      },
    );
  });
}

export function rateText(rate: number | RateSpec): string {
  if (typeof rate === 'number') return String(rate);
  if (typeof rate === 'string') return rate;
  return `${rate.num}/${rate.den}`;
}

function rateParts(rate: number | RateSpec): { num: number; den: number } {
  const [num, den] = rateText(rate).split('/').map(Number);
  return { num: num ?? 0, den: den ?? 1 };
}

/** Audio samples that last exactly `frames` video frames at `rate` (rounded to the nearest sample). */
export function samplesForFrames(frames: number, rate: number | RateSpec, sampleRate: number): number {
  const { num, den } = rateParts(rate);
  return Math.round((frames * den * sampleRate) / num);
}

function videoCodecArgs(codec: VideoCodec, gop: number | undefined, odd: boolean): string[] {
  if (codec === 'hevc10') {
    const params = ['log-level=error', ...(gop ? [`keyint=${gop}`, `min-keyint=${gop}`, 'scenecut=0'] : [])];
    return [
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p10le',
      '-x265-params',
      params.join(':'),
      '-tag:v',
      'hvc1',
    ];
  }
  if (codec === 'prores') return ['-c:v', 'prores_ks', '-profile:v', '2', '-pix_fmt', 'yuv422p10le'];
  return [
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    odd ? 'yuv444p' : 'yuv420p',
    ...(gop ? ['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0'] : []),
  ];
}

/** A video clip with an exact frame count, optional audio of exactly the same length. */
export async function makeVideoClip(dir: string, options: VideoClipOptions = {}): Promise<string> {
  const width = options.width ?? 320;
  const height = options.height ?? 180;
  const rate = options.rate ?? 24;
  const frames = options.frames ?? 24;
  const codec = options.codec ?? 'h264';
  const extension = codec === 'prores' ? 'mov' : 'mp4';
  const name = options.name ?? `clip-${codec}-${width}x${height}-${frames}.${extension}`;
  const out = join(dir, name);
  const odd = width % 2 === 1 || height % 2 === 1;
  // A lavfi source is `name=option=value:option=value`: the colour is one more option.
  const source = options.source === 'color' ? 'color=c=0x3060a0:' : 'testsrc2=';
  // lavfi sources round sizes to even numbers: make it even, then scale to the odd size.
  // Both streams end by trim filters (ffmpeg 5.1 cuts the audio short when -frames:v ends a file).
  const videoFilters: string[] = [`trim=end_frame=${frames}`, ...(odd ? [`scale=${width}:${height}`] : [])];
  if (options.syncMarker) {
    const { startFrame, frames: length } = options.syncMarker;
    videoFilters.push(
      `drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(n,${startFrame},${startFrame + length - 1})'`,
    );
  }
  const args = [
    '-f',
    'lavfi',
    '-i',
    `${source}size=${width + (width % 2)}x${height + (height % 2)}:rate=${rateText(rate)}`,
  ];
  const audio = options.audio === undefined ? {} : options.audio;
  if (audio) {
    const sampleRate = audio.sampleRate ?? 48000;
    const channels = audio.channels ?? 2;
    const samples = samplesForFrames(frames, rate, sampleRate);
    const audioFilters = [`atrim=end_sample=${samples}`];
    if (options.syncMarker) {
      const { num, den } = rateParts(rate);
      const start = (options.syncMarker.startFrame * den) / num;
      const end = ((options.syncMarker.startFrame + options.syncMarker.frames) * den) / num;
      audioFilters.push(`volume=0:enable='between(t,${start.toFixed(6)},${end.toFixed(6)})'`);
    }
    args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${sampleRate}`);
    args.push(
      '-filter:a',
      [
        ...audioFilters,
        `pan=${channels === 1 ? 'mono' : 'stereo'}|c0=c0${channels === 1 ? '' : '|c1=c0'}`,
      ].join(','),
    );
    args.push('-ac', String(channels));
    args.push(...(codec === 'prores' ? ['-c:a', 'pcm_s16le'] : ['-c:a', 'aac', '-b:a', '96k']));
  }
  args.push('-filter:v', videoFilters.join(','));
  args.push(...videoCodecArgs(codec, options.gop, odd));
  args.push('-map', '0:v', ...(audio ? ['-map', '1:a'] : []));
  args.push(`file:${out}`);
  await runFfmpegForTest(args);
  return out;
}

/** An audio file: a tone whose loudness steps every half second. */
export async function makeAudioFile(dir: string, options: AudioFileOptions = {}): Promise<string> {
  const format = options.format ?? 'wav';
  const sampleRate = options.sampleRate ?? 48000;
  const channels = options.channels ?? 2;
  const samples = options.samples ?? Math.round((options.seconds ?? 1) * sampleRate);
  const name = options.name ?? `audio-${sampleRate}-${channels}ch-${samples}.${format}`;
  const out = join(dir, name);
  const frequency = options.frequency ?? 440;
  const codec =
    format === 'wav'
      ? ['-c:a', 'pcm_s16le']
      : format === 'mp3'
        ? ['-c:a', 'libmp3lame', '-b:a', '192k']
        : ['-c:a', 'aac', '-b:a', '128k'];
  await runFfmpegForTest([
    '-f',
    'lavfi',
    '-i',
    `aevalsrc='(0.2+0.6*mod(floor(t*2),4)/3)*sin(2*PI*${frequency}*t)':s=${sampleRate}`,
    '-af',
    `atrim=end_sample=${samples}`,
    '-ac',
    String(channels),
    ...codec,
    `file:${out}`,
  ]);
  return out;
}

/** A still image (testsrc2 pattern). Any size, odd and huge ones included (png compresses them). */
export async function makeImage(dir: string, options: ImageOptions = {}): Promise<string> {
  const width = options.width ?? 320;
  const height = options.height ?? 180;
  const format = options.format ?? 'png';
  const out = join(dir, options.name ?? `image-${width}x${height}.${format}`);
  await runFfmpegForTest([
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width + (width % 2)}x${height + (height % 2)}:rate=1`,
    '-vf',
    `scale=${width}:${height}`,
    '-frames:v',
    '1',
    ...(format === 'jpg' ? ['-q:v', '3'] : []),
    `file:${out}`,
  ]);
  return out;
}

/**
 * A variable-frame-rate clip: `framesAt24` frames 1/24 s apart, then `framesAt30` frames 1/30 s
 * apart (timestamps set per frame, passed through unchanged). Duration: a/24 + b/30 s.
 */
export async function makeVfrClip(
  dir: string,
  options: { name?: string; framesAt24?: number; framesAt30?: number; width?: number; height?: number } = {},
): Promise<string> {
  const a = options.framesAt24 ?? 12;
  const b = options.framesAt30 ?? 15;
  const out = join(dir, options.name ?? `vfr-${a}at24-${b}at30.mp4`);
  await runFfmpegForTest([
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${options.width ?? 320}x${options.height ?? 180}:rate=30`,
    '-frames:v',
    String(a + b),
    '-vf',
    `setpts='if(lt(N,${a}),N/(24*TB),${a}/(24*TB)+(N-${a})/(30*TB))'`,
    '-fps_mode',
    'passthrough',
    '-video_track_timescale',
    '12000',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    `file:${out}`,
  ]);
  return out;
}

/**
 * A copy of an mp4/mov with a display matrix (stream copy). `clockwise` is how far a player turns
 * the picture clockwise to show it; ffmpeg 5.1 writes the `rotate` tag as the opposite turn, so the
 * tag is 360 - clockwise (checked in the integration test by decoding with autorotate).
 */
export async function makeRotatedCopy(
  source: string,
  dir: string,
  clockwise: 90 | 180 | 270,
  name?: string,
): Promise<string> {
  const out = join(dir, name ?? `rotated-${clockwise}.mp4`);
  await runFfmpegForTest([
    '-i',
    `file:${source}`,
    '-c',
    'copy',
    '-map',
    '0',
    '-metadata:s:v:0',
    `rotate=${(360 - clockwise) % 360}`,
    `file:${out}`,
  ]);
  return out;
}

/** The first `keepBytes` bytes of a file (a truncated download: an mp4 without its moov, say). */
export async function makeTruncatedCopy(
  source: string,
  dir: string,
  keepBytes: number,
  name?: string,
): Promise<string> {
  const out = join(dir, name ?? `truncated-${keepBytes}.mp4`);
  const content = await readFile(source);
  await writeFile(out, content.subarray(0, Math.min(keepBytes, content.length)));
  return out;
}

/** A copy of a file with `count` random bytes written over it at `offset` (mid-file corruption). */
export async function makeCorruptedCopy(
  source: string,
  dir: string,
  options: { offset: number; count: number; name?: string },
): Promise<string> {
  const out = join(dir, options.name ?? `corrupted-${options.offset}.mp4`);
  await copyFile(source, out);
  const handle = await open(out, 'r+');
  try {
    await handle.write(randomBytes(options.count), 0, options.count, options.offset);
  } finally {
    await handle.close();
  }
  return out;
}

/** An empty file with a media extension. */
export async function makeZeroLengthFile(dir: string, name = 'empty.mp4'): Promise<string> {
  const out = join(dir, name);
  await writeFile(out, Buffer.alloc(0));
  return out;
}

/** Random bytes (or given text) under a media name: not media at all. */
export async function makeNonMediaFile(dir: string, name = 'notes.mp4', content?: string): Promise<string> {
  const out = join(dir, name);
  await writeFile(out, content ?? randomBytes(4096));
  return out;
}

/** A byte-identical copy of a file under another name (unicode, spaces, colons, a leading dash). */
export async function copyAs(source: string, dir: string, name: string): Promise<string> {
  const out = join(dir, name);
  await copyFile(source, out);
  return out;
}
