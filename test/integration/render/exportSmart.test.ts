import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../common/model';
import { editReadyPaths, ensureEditReady } from '../../../main/services/render/editReady';
import { planRender, renderSequence, type RenderRequest } from '../../../main/services/render/renderSequence';
import { makeTempDir } from '../../helpers/tempDir';
import {
  assetFor,
  clip,
  countStreams,
  ffmpegPath,
  ffprobePath,
  makeClip,
  keyframeFramesOf,
  projectWith,
  renderRequest,
} from './renderFixtures';

const run = promisify(execFile);
let dir: { path: string; remove: () => Promise<void> };
const assets: Asset[] = [];

beforeAll(async () => {
  dir = await makeTempDir('shotloom-render-smart-');
  // Long-GOP "generated" clips: one keyframe each, like providers deliver.
  for (const name of ['s1', 's2', 's3'])
    assets.push(await assetFor(await makeClip(dir.path, name, { seconds: 2 }), name));
});

afterAll(async () => {
  await dir.remove();
});

function timeline() {
  return projectWith(assets, [
    clip('c1', 's1', 42),
    { type: 'transition', id: 'x1', kind: 'dissolve', durationFrames: 12 },
    clip('c2', 's2', 36, { sourceIn: 6 }),
    { type: 'transition', id: 'x2', kind: 'wipeLeft', durationFrames: 12 },
    clip('c3', 's3', 42, { sourceIn: 6 }),
  ]);
}

function request(cacheDir: string, name: string, extra: Partial<RenderRequest> = {}): RenderRequest {
  const { project, sequenceId } = timeline();
  return renderRequest({ project, sequenceId, cacheDir, outputPath: join(dir.path, 'out', name), ...extra });
}

describe('smart render over edit-ready copies', () => {
  it('long-GOP sources are encoded; edit-ready copies are copied between re-encoded transitions', async () => {
    const cacheDir = join(dir.path, 'cache');
    const before = await planRender(request(cacheDir, 'before.mp4'));
    expect(before.segments.filter((segment) => segment.path === 'copy')).toEqual([]);

    for (const asset of assets) {
      const facts = await ensureEditReady(asset, asset.path, cacheDir, { ffmpegPath, ffprobePath });
      expect(facts.keyframes.slice(0, 3)).toEqual([0, 12, 24]);
      const keyframes = await keyframeFramesOf(
        editReadyPaths(cacheDir, asset.contentHash).media,
        facts.video.rate,
      );
      expect(keyframes).toEqual(facts.keyframes);
    }
    const outcome = await renderSequence(request(cacheDir, 'smart.mp4'));
    const copies = outcome.plan.segments.filter((segment) => segment.path === 'copy');
    expect(copies.length).toBe(3);
    expect(copies.every((segment) => segment.usesEditReady)).toBe(true);
    expect(outcome.plan.headerCheckPaths.length).toBeGreaterThan(0);
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(120);
    expect(Math.abs((counts.audioSeconds ?? 0) - 5)).toBeLessThan(1 / 24);
    expect(await readFile(outcome.logPath, 'utf8')).toContain('header hashes');

    const forced = await renderSequence(request(cacheDir, 'forced.mp4', { smart: 'forceEncode' }));
    expect(forced.plan.segments.every((segment) => segment.path === 'encode')).toBe(true);
    expect((await countStreams(forced.outputPath)).videoFrames).toBe(120);
  });

  it('falls back to a full re-encode when a copy has foreign headers', async () => {
    const cacheDir = join(dir.path, 'cache-foreign');
    for (const asset of assets) {
      const facts = await ensureEditReady(asset, asset.path, cacheDir, { ffmpegPath, ffprobePath });
      if (asset.id !== 's2') continue;
      // Replace one copy by a closed-GOP file from other x264 settings, keeping the claimed facts.
      const paths = editReadyPaths(cacheDir, asset.contentHash);
      await run(ffmpegPath, [
        '-v',
        'error',
        '-i',
        asset.path,
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-profile:v',
        'high',
        '-x264-params',
        'keyint=12:min-keyint=12:scenecut=0',
        '-c:a',
        'copy',
        '-y',
        paths.media,
      ]);
      await writeFile(paths.facts, JSON.stringify(facts));
    }
    const outcome = await renderSequence(request(cacheDir, 'fallback.mp4'));
    expect(outcome.plan.smart).toBe('forceEncode');
    expect(await readFile(outcome.logPath, 'utf8')).toContain('Falling back to a full re-encode');
    expect((await countStreams(outcome.outputPath)).videoFrames).toBe(120);
  });
});
