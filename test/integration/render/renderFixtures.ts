import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Asset, Project, Track } from '../../../common/model';
import { newProject } from '../../../common/model';
import { probeMedia } from '../../../main/ffmpeg/ffprobe';
import type { RenderRequest } from '../../../main/services/render/renderSequence';

const run = promisify(execFile);

export const ffmpegPath = process.env.FFMPEG_PATH ?? 'ffmpeg';
export const ffprobePath = process.env.FFPROBE_PATH ?? 'ffprobe';

/** An export request as the tests make them: the H.264 sequence preset, paths used as they are. */
export function renderRequest(
  fields: Pick<RenderRequest, 'project' | 'sequenceId' | 'outputPath' | 'cacheDir'> & Partial<RenderRequest>,
): RenderRequest {
  return {
    resolveAssetPath: (path) => path,
    presetId: 'h264-sequence',
    ffmpegPath,
    ffprobePath,
    ...fields,
  };
}

export interface ClipSpec {
  width?: number;
  height?: number;
  rate?: string;
  seconds: number;
  /** null: no sound. */
  audio?: { rate: number; channels: number } | null;
  /** x264 keyint; default x264's own (long GOP). */
  gop?: number;
  source?: 'testsrc2' | 'mandelbrot';
}

/**
 * Keyframe frame indices of a file's first video stream, read by ffprobe from packet flags: an
 * oracle independent of the app's probe.
 */
export async function keyframeFramesOf(path: string, rate: { num: number; den: number }): Promise<number[]> {
  const { stdout: timeBase } = await run(ffprobePath, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=time_base',
    '-of',
    'csv=p=0',
    path,
  ]);
  const [num, den] = timeBase.trim().split('/').map(Number);
  const { stdout } = await run(
    ffprobePath,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts,flags', '-of', 'csv=p=0', path],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const frames = stdout
    .split('\n')
    .map((line) => line.split(','))
    .filter(([pts, flags]) => flags?.includes('K') && pts !== undefined && pts !== 'N/A')
    .map(([pts]) => Math.round((Number(pts) * (num ?? 1) * rate.num) / ((den ?? 90000) * rate.den)));
  return [...new Set(frames)].sort((a, b) => a - b);
}

/** A small H.264/AAC MP4 made with lavfi. */
export async function makeClip(dir: string, name: string, spec: ClipSpec): Promise<string> {
  const path = join(dir, `${name}.mp4`);
  const size = `${spec.width ?? 320}x${spec.height ?? 180}`;
  const rate = spec.rate ?? '24';
  const audio = spec.audio === undefined ? { rate: 48000, channels: 2 } : spec.audio;
  const args = ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${rate}:d=${spec.seconds}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=f=330:r=${audio.rate}:d=${spec.seconds}`);
  args.push('-map', '0:v', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p');
  if (spec.gop) args.push('-g', String(spec.gop), '-keyint_min', String(spec.gop), '-sc_threshold', '0');
  if (audio)
    args.push('-map', '1:a', '-c:a', 'aac', '-ac', String(audio.channels), '-ar', String(audio.rate));
  args.push('-y', path);
  await run(ffmpegPath, args);
  return path;
}

export async function makeTone(dir: string, name: string, seconds: number): Promise<string> {
  const path = join(dir, `${name}.wav`);
  await run(ffmpegPath, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=f=220:r=48000:d=${seconds}`,
    '-ac',
    '2',
    '-y',
    path,
  ]);
  return path;
}

export async function makeStill(dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.png`);
  await run(ffmpegPath, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=s=200x300',
    '-frames:v',
    '1',
    '-y',
    path,
  ]);
  return path;
}

/** An asset for a file, with facts from ffprobe, as the media pipeline would store it. */
export async function assetFor(path: string, id: string): Promise<Asset> {
  const media = (await probeMedia(path, { ffprobePath })).facts;
  const contentHash = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  const kind = media.video ? (/png$/.test(path) ? 'image' : 'video') : 'audio';
  return {
    id,
    kind,
    name: id,
    path,
    storage: 'linked',
    contentHash,
    media,
    origin: { kind: 'imported', importedAt: '2026-01-01T00:00:00.000Z', originalPath: path },
    tags: [],
    favourite: false,
    folder: null,
  };
}

export { clip } from '../../helpers/modelFixtures';

/** A project whose first sequence has the given picture items (and optional audio tracks). */
export function projectWith(
  assets: Asset[],
  pictureItems: Track['items'],
  options: {
    width?: number;
    height?: number;
    audioItems?: Array<{ role: Track['role']; items: Track['items'] }>;
  } = {},
): { project: Project; sequenceId: string } {
  const project = newProject({
    name: 'Render test',
    width: options.width ?? 320,
    height: options.height ?? 180,
    now: new Date('2026-01-01T00:00:00Z'),
  });
  const sequenceId = project.sequenceOrder[0] ?? '';
  const sequence = project.sequences[sequenceId];
  if (!sequence) throw new Error('no sequence');
  for (const asset of assets) project.assets[asset.id] = asset;
  const [videoTrack] = sequence.videoTracks;
  if (videoTrack) videoTrack.items = pictureItems;
  sequence.audioTracks = (options.audioItems ?? []).map((entry, index) => ({
    id: `audio${index}`,
    kind: 'audio',
    name: `A${index + 1}`,
    role: entry.role,
    items: entry.items,
    muted: false,
    solo: false,
    locked: false,
    heightPx: 56,
  }));
  return { project, sequenceId };
}

/** Frame count (packets) and durations of a file, for assertions. */
export async function countStreams(path: string) {
  const { stdout } = await run(ffprobePath, [
    '-v',
    'error',
    '-count_packets',
    '-show_entries',
    'stream=codec_type,nb_read_packets,duration,sample_rate,channels,duration_ts,time_base:format=duration',
    '-of',
    'json',
    path,
  ]);
  const parsed = JSON.parse(stdout) as {
    streams: Array<Record<string, string | number>>;
    format?: { duration?: string };
  };
  const streams = parsed.streams;
  // Matroska/WebM keep no per-stream duration: the container's stands in.
  const seconds = (value: string | number | undefined): number => Number(value ?? parsed.format?.duration);
  const video = streams.find((stream) => stream.codec_type === 'video');
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    videoFrames: video ? Number(video.nb_read_packets) : null,
    videoSeconds: video ? seconds(video.duration) : null,
    audioSeconds: audio ? seconds(audio.duration) : null,
    audioSampleRate: audio ? Number(audio.sample_rate) : null,
    audioChannels: audio ? Number(audio.channels) : null,
  };
}

/** Exact decoded sample count of the first audio stream (decodes it). */
export async function decodedSamples(path: string): Promise<number> {
  const { stdout } = await run(
    ffmpegPath,
    ['-v', 'error', '-i', path, '-map', '0:a:0', '-f', 's16le', '-ac', '1', '-ar', '48000', 'pipe:1'],
    {
      encoding: 'buffer',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  return stdout.length / 2;
}
