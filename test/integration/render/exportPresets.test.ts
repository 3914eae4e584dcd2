import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../common/model';
import { renderSequence } from '../../../main/services/render/renderSequence';
import { makeTempDir } from '../../helpers/tempDir';
import {
  assetFor,
  clip,
  countStreams,
  ffmpegPath,
  ffprobePath,
  makeClip,
  projectWith,
} from './renderFixtures';

const run = promisify(execFile);
let dir: { path: string; remove: () => Promise<void> };
let asset: Asset;

beforeAll(async () => {
  dir = await makeTempDir('shotloom-render-presets-');
  asset = await assetFor(await makeClip(dir.path, 'a', { seconds: 1 }), 'a');
});

afterAll(async () => {
  await dir.remove();
});

async function streamInfo(path: string) {
  const { stdout } = await run(ffprobePath, [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_name,profile,width,height,pix_fmt,sample_rate,channels',
    '-of',
    'json',
    path,
  ]);
  return (JSON.parse(stdout) as { streams: Array<Record<string, string | number>> }).streams;
}

describe('presets produce what they promise', () => {
  const cases: Array<[string, Record<string, string | number>, Record<string, string | number> | null]> = [
    [
      'h264-vertical',
      { codec_name: 'h264', width: 1080, height: 1920, pix_fmt: 'yuv420p', profile: 'High' },
      { codec_name: 'aac', sample_rate: '48000', channels: 2 },
    ],
    ['h265-1080p', { codec_name: 'hevc', width: 1920, height: 1080 }, { codec_name: 'aac' }],
    [
      'prores-hq',
      { codec_name: 'prores', width: 320, height: 180, pix_fmt: 'yuv422p10le', profile: 'HQ' },
      { codec_name: 'pcm_s16le' },
    ],
    ['vp9-webm', { codec_name: 'vp9', width: 320, height: 180 }, { codec_name: 'opus' }],
    ['aac', {}, { codec_name: 'aac', sample_rate: '48000', channels: 2 }],
  ];
  it.each(cases)('%s', async (presetId, video, audio) => {
    const { project, sequenceId } = projectWith(
      [asset],
      [clip('c1', 'a', 6), clip('c2', 'a', 6, { sourceIn: 6 })],
    );
    const outcome = await renderSequence({
      project,
      resolveAssetPath: (path) => path,
      cacheDir: join(dir.path, 'cache'),
      sequenceId,
      presetId,
      outputPath: join(dir.path, `${presetId}.${extensionOf(presetId)}`),
      ffmpegPath,
      ffprobePath,
    });
    expect(outcome.verification.ok).toBe(true);
    const streams = await streamInfo(outcome.outputPath);
    if (Object.keys(video).length > 0)
      expect(streams.find((stream) => stream.width !== undefined)).toMatchObject(video);
    else expect(streams.find((stream) => stream.width !== undefined)).toBeUndefined();
    if (audio) expect(streams.find((stream) => stream.sample_rate !== undefined)).toMatchObject(audio);
    const counts = await countStreams(outcome.outputPath);
    if (Object.keys(video).length > 0) expect(counts.videoFrames).toBe(12);
    expect(Math.abs((counts.audioSeconds ?? 0) - 0.5)).toBeLessThan(1 / 24);
  });
});

function extensionOf(presetId: string): string {
  return { 'prores-hq': 'mov', 'vp9-webm': 'webm', aac: 'm4a' }[presetId] ?? 'mp4';
}
