import { execFile } from 'node:child_process';
import { chmod, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/contract';
import { probeMedia, type ProbeOptions } from '../../../main/ffmpeg/ffprobe';
import { ProbeCache } from '../../../main/services/media/probeCache';
import {
  copyAs,
  ffmpegBinary,
  ffprobeBinary,
  makeAudioFile,
  makeImage,
  makeNonMediaFile,
  makeRotatedCopy,
  makeTruncatedCopy,
  makeVfrClip,
  makeVideoClip,
  makeZeroLengthFile,
  runFfmpegForTest,
} from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

const options: ProbeOptions = { ffprobePath: ffprobeBinary(), timeoutMs: 20_000 };

async function probeError(path: string, probeOptions = options): Promise<AppError> {
  try {
    await probeMedia(path, probeOptions);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`probing ${path} did not fail`);
}

/** First row of the picture ffmpeg shows after applying the display matrix (gray bytes). */
function decodeFirstRow(path: string): Promise<{ width: number; height: number; topLeft: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegBinary(),
      ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
      { encoding: 'buffer', maxBuffer: 1 << 24 },
      (error, stdout) => {
        if (error) return reject(error);
        // 320x180 turned a quarter: 180 wide, 320 high.
        const width = stdout.length === 320 * 180 ? 180 : 320;
        resolve({ width, height: stdout.length / width, topLeft: stdout[0] ?? -1 });
      },
    );
  });
}

describe('probeMedia on media made with lavfi', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await makeTempDir('shotloom-probe-');
  });
  afterAll(async () => dir.remove());

  it('reads a 29.97 fps H.264 clip with mono 44.1 kHz audio exactly, with its keyframes', async () => {
    const path = await makeVideoClip(dir.path, {
      rate: '30000/1001',
      frames: 30,
      gop: 12,
      audio: { sampleRate: 44100, channels: 1 },
    });
    const { kind, facts, keyframes } = await probeMedia(path, options);
    expect(kind).toBe('video');
    expect(facts.video).toMatchObject({
      codec: 'h264',
      width: 320,
      height: 180,
      rate: { num: 30000, den: 1001 },
      variableFrameRate: false,
      rotation: 0,
      frameCount: 30,
      sampleAspect: { num: 1, den: 1 },
      pixelFormat: 'yuv420p',
      bitDepth: 8,
    });
    expect(facts.video?.extradataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.duration).toEqual({ num: 1001, den: 1000 });
    // 30 frames at 30000/1001 = 1.001 s = 44144.1 samples at 44.1 kHz, rounded.
    expect(facts.audio).toEqual({
      codec: 'aac',
      sampleRate: 44100,
      channels: 1,
      channelLayout: 'mono',
      sampleCount: 44144,
    });
    expect(facts.audioStreamCount).toBe(1);
    expect(keyframes?.frames).toEqual([0, 12, 24]);
    expect(keyframes?.pts).toHaveLength(3);
    // Large files take two runs (streams, then the video packets as CSV): the same answer.
    const twoRuns = await probeMedia(path, { ...options, singleRunLimitBytes: 0 });
    expect(twoRuns).toEqual({ kind, facts, keyframes });
  });

  it('detects a variable frame rate and counts its frames at the stream rate', async () => {
    const path = await makeVfrClip(dir.path, { framesAt24: 12, framesAt30: 15 });
    const { facts } = await probeMedia(path, options);
    expect(facts.video?.variableFrameRate).toBe(true);
    expect(facts.video?.rate).toEqual({ num: 30, den: 1 });
    // 12/24 s + 15/30 s = 1 s: 30 frames once conformed to 30 fps.
    expect(facts.duration).toEqual({ num: 1, den: 1 });
    expect(facts.video?.frameCount).toBe(30);
    const constant = await probeMedia(await makeVideoClip(dir.path, { frames: 12, audio: false }), options);
    expect(constant.facts.video?.variableFrameRate).toBe(false);
  });

  it('reads the display rotation clockwise, as ffmpeg turns the picture', async () => {
    // Left half black, right half white: turned 90° clockwise, the black half ends up on top.
    const source = join(dir.path, 'halves.mp4');
    await runFfmpegForTest([
      '-f',
      'lavfi',
      '-i',
      'color=black:size=320x180:rate=24,drawbox=x=160:y=0:w=160:h=180:color=white:t=fill',
      '-frames:v',
      '2',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      source,
    ]);
    const rotated90 = await makeRotatedCopy(source, dir.path, 90);
    const rotated270 = await makeRotatedCopy(source, dir.path, 270);
    expect((await probeMedia(rotated90, options)).facts.video?.rotation).toBe(90);
    expect((await probeMedia(rotated270, options)).facts.video?.rotation).toBe(270);
    expect((await probeMedia(source, options)).facts.video?.rotation).toBe(0);
    const shown90 = await decodeFirstRow(rotated90);
    expect([shown90.width, shown90.height]).toEqual([180, 320]);
    expect(shown90.topLeft).toBeLessThan(40); // black on top: a clockwise quarter turn
    expect((await decodeFirstRow(rotated270)).topLeft).toBeGreaterThan(200);
  });

  it('reads clips without audio, HEVC 10-bit and ProRes', async () => {
    const silent = await probeMedia(await makeVideoClip(dir.path, { frames: 5, audio: false }), options);
    expect(silent.facts.audio).toBeNull();
    expect(silent.facts.audioStreamCount).toBe(0);
    const hevc = await probeMedia(
      await makeVideoClip(dir.path, { codec: 'hevc10', frames: 6, audio: false, rate: 25 }),
      options,
    );
    expect(hevc.facts.video).toMatchObject({
      codec: 'hevc',
      bitDepth: 10,
      pixelFormat: 'yuv420p10le',
      frameCount: 6,
      rate: { num: 25, den: 1 },
    });
    expect(hevc.facts.video?.extradataHash).toMatch(/^[0-9a-f]{64}$/);
    const prores = await probeMedia(await makeVideoClip(dir.path, { codec: 'prores', frames: 4 }), options);
    expect(prores.facts.video).toMatchObject({ codec: 'prores', bitDepth: 10, frameCount: 4 });
    expect(prores.facts.audio).toMatchObject({ codec: 'pcm_s16le', sampleCount: 8000 });
    expect(prores.keyframes?.frames).toEqual([0, 1, 2, 3]);
  });

  it('reads audio files to the exact sample and images as stills', async () => {
    const wav = await probeMedia(
      await makeAudioFile(dir.path, { samples: 12345, sampleRate: 44100, channels: 1 }),
      options,
    );
    expect(wav.kind).toBe('audio');
    expect(wav.facts.video).toBeNull();
    expect(wav.facts.audio).toMatchObject({ sampleRate: 44100, channels: 1, sampleCount: 12345 });
    expect(wav.facts.duration).toEqual({ num: 823, den: 2940 }); // 12345/44100 reduced
    const mp3 = await probeMedia(await makeAudioFile(dir.path, { format: 'mp3', seconds: 2 }), options);
    expect(mp3.kind).toBe('audio');
    expect(mp3.facts.audio?.codec).toBe('mp3');
    expect(Math.abs((mp3.facts.audio?.sampleCount ?? 0) - 96000)).toBeLessThan(2400);
    const png = await probeMedia(await makeImage(dir.path, { width: 321, height: 241 }), options);
    expect(png.kind).toBe('image');
    expect(png.facts.video).toMatchObject({ width: 321, height: 241, frameCount: 1, codec: 'png' });
    expect(png.keyframes).toBeNull();
  });

  it('refuses damaged, empty, missing, huge and non-media files with clear codes', async () => {
    const clip = await makeVideoClip(dir.path, { frames: 48, name: 'whole.mp4' });
    const noMoov = await makeTruncatedCopy(clip, dir.path, 3000, 'cut-off.mp4');
    expect((await probeError(noMoov)).code).toBe('MEDIA_CORRUPT');
    const faststart = join(dir.path, 'faststart.mp4');
    await runFfmpegForTest(['-i', clip, '-c', 'copy', '-movflags', '+faststart', faststart]);
    const cutAfterIndex = await makeTruncatedCopy(faststart, dir.path, 12_000, 'cut-after-index.mp4');
    const incomplete = await probeError(cutAfterIndex);
    expect(incomplete.code).toBe('MEDIA_CORRUPT');
    expect(incomplete.message).toMatch(/incomplete/);
    expect((await probeError(await makeZeroLengthFile(dir.path))).code).toBe('MEDIA_CORRUPT');
    expect((await probeError(await makeNonMediaFile(dir.path, 'random.mp4'))).code).toBe('MEDIA_UNSUPPORTED');
    expect((await probeError(await makeNonMediaFile(dir.path, 'notes.txt', 'just words\n'))).code).toBe(
      'MEDIA_UNSUPPORTED',
    );
    expect((await probeError(join(dir.path, 'gone.mp4'))).code).toBe('FILE_NOT_FOUND');
    const huge = await makeImage(dir.path, { width: 16400, height: 8 });
    expect((await probeError(huge)).message).toMatch(/too large/);
  });

  it('reads names with unicode, spaces, colons and a leading dash', async () => {
    const clip = await makeVideoClip(dir.path, { frames: 3, audio: false, name: 'plain.mp4' });
    for (const name of ["-it's ünï 日本.mp4", 'a:b c.mp4', 'x, [y]; 100%.mp4']) {
      const copy = await copyAs(clip, dir.path, name);
      expect((await probeMedia(copy, options)).facts.video?.frameCount).toBe(3);
    }
  });

  it('gives up with MEDIA_TIMEOUT when ffprobe hangs', async () => {
    const hanging = join(dir.path, 'hanging-ffprobe.sh');
    await writeFile(hanging, '#!/bin/sh\nsleep 30\n');
    await chmod(hanging, 0o755);
    const clip = await makeVideoClip(dir.path, { frames: 2, audio: false, name: 'for-timeout.mp4' });
    const started = Date.now();
    const error = await probeError(clip, { ffprobePath: hanging, timeoutMs: 400 });
    expect(error.code).toBe('MEDIA_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('caches results by path, size and mtime and probes again after a change', async () => {
    const clip = await makeVideoClip(dir.path, { frames: 4, audio: false, name: 'cached.mp4' });
    const cacheDir = join(dir.path, 'probe-cache');
    let probes = 0;
    const probe = (): ReturnType<typeof probeMedia> => {
      probes += 1;
      return probeMedia(clip, options);
    };
    const first = await new ProbeCache(() => cacheDir).get(clip, probe);
    expect(probes).toBe(1);
    // A new cache object (the next launch) reads the file written by the first.
    const second = await new ProbeCache(() => cacheDir).get(clip, probe);
    expect(probes).toBe(1);
    expect(second).toEqual(first);
    expect(await readdir(cacheDir)).toHaveLength(1);
    await utimes(clip, new Date(), new Date(Date.now() + 5000));
    await new ProbeCache(() => cacheDir).get(clip, probe);
    expect(probes).toBe(2);
  });
});
