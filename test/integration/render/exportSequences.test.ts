import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, TransitionKind } from '../../../common/model';
import { renderSequence, type RenderRequest } from '../../../main/services/render/renderSequence';
import { makeTempDir } from '../../helpers/tempDir';
import {
  assetFor,
  clip,
  countStreams,
  decodedSamples,
  makeClip,
  makeStill,
  makeTone,
  projectWith,
  renderRequest,
} from './renderFixtures';

let dir: { path: string; remove: () => Promise<void> };
const assets: Record<string, Asset> = {};

beforeAll(async () => {
  dir = await makeTempDir('shotloom-render-');
  const made = await Promise.all([
    makeClip(dir.path, 'a', { seconds: 2, gop: 12 }),
    makeClip(dir.path, 'b', { seconds: 2, gop: 12 }),
    makeClip(dir.path, 'c', { seconds: 2, gop: 12 }),
    makeClip(dir.path, 'wide30', {
      seconds: 2,
      width: 400,
      height: 160,
      rate: '30',
      audio: { rate: 44100, channels: 1 },
    }),
    makeClip(dir.path, 'mute25', { seconds: 2, width: 240, height: 240, rate: '25', audio: null }),
    makeStill(dir.path, 'still'),
    makeTone(dir.path, 'music', 6),
  ]);
  const ids = ['a', 'b', 'c', 'wide30', 'mute25', 'still', 'music'];
  await Promise.all(
    made.map(async (path, index) => {
      const id = ids[index] ?? '';
      assets[id] = await assetFor(path, id);
    }),
  );
});

afterAll(async () => {
  await dir.remove();
});

function request(
  project: RenderRequest['project'],
  sequenceId: string,
  name: string,
  extra: Partial<RenderRequest> = {},
): RenderRequest {
  return renderRequest({
    project,
    sequenceId,
    cacheDir: join(dir.path, 'cache'),
    outputPath: join(dir.path, 'exports', name),
    ...extra,
  });
}

function asset(id: string): Asset {
  const found = assets[id];
  if (!found) throw new Error(`no asset ${id}`);
  return found;
}

describe('export on generated media (exact counts checked with ffprobe)', () => {
  it('cuts only, whole matching files: joined by stream copy with every frame', async () => {
    const { project, sequenceId } = projectWith(
      [asset('a'), asset('b'), asset('c')],
      [clip('c1', 'a', 48), clip('c2', 'b', 48), clip('c3', 'c', 48)],
    );
    const outcome = await renderSequence(request(project, sequenceId, 'cuts.mp4'));
    expect(outcome.plan.mode).toBe('concatCopy');
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(144);
    expect(Math.abs((counts.audioSeconds ?? 0) - 6)).toBeLessThan(1 / 24);
    const saved = JSON.parse(await readFile(outcome.planPath, 'utf8')) as { mode: string };
    expect(saved.mode).toBe('concatCopy');
    await expect(readFile(outcome.logPath, 'utf8')).resolves.toContain('ffmpeg');
  });

  it('cuts with trims: keyframe-aligned parts are copied, the rest encoded, sound rendered whole', async () => {
    const { project, sequenceId } = projectWith(
      [asset('a'), asset('b')],
      [clip('c1', 'a', 30, { sourceIn: 5 }), clip('c2', 'b', 36, { sourceIn: 12 })],
    );
    const outcome = await renderSequence(request(project, sequenceId, 'trims.mp4', { smart: 'forceEncode' }));
    expect(outcome.plan.mode).toBe('chunked');
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(66);
    expect(await decodedSamples(outcome.outputPath)).toBeGreaterThanOrEqual(132000);
    expect(Math.abs((counts.audioSeconds ?? 0) - 66 / 24)).toBeLessThan(1 / 24);
  });

  it('mixed sources (sizes, rates, no sound, 44.1 kHz mono, a still) are normalised', async () => {
    const { project, sequenceId } = projectWith(
      [asset('a'), asset('wide30'), asset('mute25'), asset('still')],
      [
        clip('c1', 'wide30', 40),
        clip('c2', 'mute25', 30, { fit: 'fill' }),
        clip('c3', 'still', 12),
        clip('c4', 'a', 20),
      ],
    );
    const outcome = await renderSequence(request(project, sequenceId, 'mixed.mp4'));
    expect(outcome.plan.segments.every((segment) => segment.path === 'encode')).toBe(true);
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(102);
    expect(counts.audioSampleRate).toBe(48000);
    expect(counts.audioChannels).toBe(2);
    expect(Math.abs((counts.audioSeconds ?? 0) - 102 / 24)).toBeLessThan(1 / 24);
  });

  const kinds: TransitionKind[] = [
    'dissolve',
    'dipToBlack',
    'dipToWhite',
    'wipeLeft',
    'wipeRight',
    'wipeUp',
    'wipeDown',
  ];
  it('every transition kind keeps the exact length (transitions add no length)', async () => {
    const items = [clip('t0', 'a', 20, { sourceIn: 6 })] as Parameters<typeof projectWith>[1];
    kinds.forEach((kind, index) => {
      items.push({ type: 'transition', id: `x${index}`, kind, durationFrames: 6 });
      items.push(clip(`t${index + 1}`, index % 2 === 0 ? 'b' : 'a', 20, { sourceIn: 6 }));
    });
    const { project, sequenceId } = projectWith([asset('a'), asset('b')], items);
    const outcome = await renderSequence(request(project, sequenceId, 'transitions.mp4'));
    expect(outcome.plan.segments.filter((segment) => segment.kind === 'transition')).toHaveLength(7);
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(160);
    expect(Math.abs((counts.audioSeconds ?? 0) - 160 / 24)).toBeLessThan(1 / 24);
  });

  it('external music with keyframed volume, ducked under the dialogue, exact WAV sample count', async () => {
    const { project, sequenceId } = projectWith(
      [asset('a'), asset('b'), asset('music')],
      [clip('c1', 'a', 48), clip('c2', 'b', 48)],
      {
        audioItems: [
          {
            role: 'music',
            items: [
              { type: 'gap', id: 'g1', durationFrames: 12 },
              clip('m1', 'music', 72, {
                sourceIn: 4800,
                volumeKeyframes: [
                  { frame: 0, value: -20 },
                  { frame: 24, value: 0 },
                  { frame: 60, value: -6 },
                ],
                audioFadeOutFrames: 12,
              }),
            ],
          },
        ],
      },
    );
    const sequence = project.sequences[sequenceId];
    if (sequence) sequence.ducking = { enabled: true, amountDb: -12 };
    const outcome = await renderSequence(request(project, sequenceId, 'ducked.wav', { presetId: 'wav' }));
    expect(outcome.plan.steps.find((step) => step.id === 'mix')?.invocation.filterComplex).toContain(
      'sidechaincompress',
    );
    expect(await decodedSamples(outcome.outputPath)).toBe(96 * 2000);
    const withVideo = await renderSequence(request(project, sequenceId, 'ducked.mp4'));
    const counts = await countStreams(withVideo.outputPath);
    expect(counts.videoFrames).toBe(96);
    expect(Math.abs((counts.audioSeconds ?? 0) - 4)).toBeLessThan(1 / 24);
  });

  it('an in/out range exports exactly the marked frames', async () => {
    const { project, sequenceId } = projectWith(
      [asset('a'), asset('b')],
      [
        clip('c1', 'a', 40, { sourceIn: 4 }),
        { type: 'transition', id: 'x', kind: 'dissolve', durationFrames: 8 },
        clip('c2', 'b', 40, { sourceIn: 4 }),
      ],
    );
    const outcome = await renderSequence(
      request(project, sequenceId, 'range.mp4', { range: { startFrame: 10, endFrame: 47 } }),
    );
    const counts = await countStreams(outcome.outputPath);
    expect(counts.videoFrames).toBe(37);
    expect(Math.abs((counts.audioSeconds ?? 0) - 37 / 24)).toBeLessThan(1 / 24);
    const still = await renderSequence(
      request(project, sequenceId, 'frame.png', {
        presetId: 'still-png',
        range: { startFrame: 38, endFrame: 39 },
      }),
    );
    expect((await countStreams(still.outputPath)).videoFrames).toBe(1);
    const left = await readdir(join(dir.path, 'exports'));
    expect(left.filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
