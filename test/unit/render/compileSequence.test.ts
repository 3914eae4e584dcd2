import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project, TrackItem } from '../../../common/model';
import {
  compileSequence,
  findPreset,
  planToArgs,
  type CompileOptions,
  type RenderPlan,
  type RenderPreset,
} from '../../../common/render';
import { audioAsset, clip, renderProject, videoAsset } from './renderProject';

const goldenDir = join(import.meta.dirname, '../../fixtures/render');

function preset(id: string): RenderPreset {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

function planOf(
  project: Project,
  presetId: string,
  range?: { startFrame: number; endFrame: number } | null,
  options: CompileOptions = {},
): RenderPlan {
  const result = compileSequence(project, 'seq', preset(presetId), range, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

/** Compares the plan's decisions, lists and argv with a golden file (UPDATE_GOLDEN=1 rewrites it). */
function expectGolden(name: string, plan: RenderPlan): void {
  const actual = `${JSON.stringify({ mode: plan.mode, output: plan.output, segments: plan.segments, files: plan.files, args: planToArgs(plan) }, null, 2)}\n`;
  const path = join(goldenDir, `${name}.json`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
  }
  // Compared as data, so that the files may be formatted by prettier.
  expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

const tenKeyframes = Array.from({ length: 10 }, (_, index) => index * 12);

describe('compileSequence golden files', () => {
  it('cuts only over whole matching files: one concat-demuxer stream copy', () => {
    const project = renderProject(
      [videoAsset('a'), videoAsset('b')],
      [clip('c1', 'a', 120), clip('c2', 'b', 120)],
    );
    const plan = planOf(project, 'h264-sequence', null, { keyframes: { a: [0, 100], b: [0] } });
    expect(plan.mode).toBe('concatCopy');
    expect(plan.output.frameCount).toBe(240);
    expectGolden('cuts-concat-copy', plan);
  });

  it('dissolves over edit-ready copies: bodies copied, windows re-encoded, sound whole', () => {
    const project = renderProject(
      [videoAsset('a'), videoAsset('b'), videoAsset('c')],
      [
        clip('c1', 'a', 114),
        { type: 'transition', id: 't1', kind: 'dissolve', durationFrames: 12 },
        clip('c2', 'b', 108, { sourceIn: 6 }),
        { type: 'transition', id: 't2', kind: 'dipToBlack', durationFrames: 12 },
        clip('c3', 'c', 114, { sourceIn: 6 }),
      ],
    );
    const editReady = Object.fromEntries(
      ['a', 'b', 'c'].map((id) => [
        id,
        { video: { ...videoAsset(id).media.video!, extradataHash: 'MD5:ours' }, keyframes: tenKeyframes },
      ]),
    );
    const plan = planOf(project, 'h264-sequence', null, { editReady });
    expect(
      plan.segments.map((segment) => `${segment.kind}:${segment.path}:${segment.durationFrames}`),
    ).toEqual([
      'clip:copy:108',
      'transition:encode:12',
      'clip:copy:96',
      'transition:encode:12',
      'clip:copy:108',
    ]);
    expect(plan.output.frameCount).toBe(336);
    expect(plan.output.sampleCount).toBe(336 * 2000);
    expect(plan.headerCheckPaths).toHaveLength(5);
    expectGolden('dissolves-smart', plan);
  });

  it('mixed sources with music ducked under dialogue, keyframed volume and loudness', () => {
    const project = renderProject(
      [
        videoAsset('hd30', {
          width: 1280,
          height: 720,
          rate: { num: 30, den: 1 },
          audio: { sampleRate: 44100, channels: 1 },
        }),
        videoAsset('silent', { audio: null }),
        audioAsset('music', 30),
      ],
      [
        clip('c1', 'hd30', 48, { fit: 'fill', audioFadeInFrames: 6 }),
        { type: 'gap', id: 'g', durationFrames: 12 },
        clip('c2', 'silent', 48, { videoFadeOutFrames: 12 }),
      ],
      [
        {
          role: 'music',
          items: [
            clip('m', 'music', 100, {
              sourceIn: 48000,
              gainDb: -3,
              volumeKeyframes: [
                { frame: 0, value: -12 },
                { frame: 48, value: 0 },
              ],
            }),
          ],
        },
      ],
      { ducking: { enabled: true, amountDb: -12 } },
    );
    const plan = planOf(project, 'h264-720p', null, { loudnessLufs: -14 });
    expect(plan.segments.every((segment) => segment.path === 'encode')).toBe(true);
    const mix = plan.steps.find((step) => step.id === 'mix')?.invocation.filterComplex ?? '';
    expect(mix).toContain('sidechaincompress');
    expect(mix).toContain('loudnorm=I=-14');
    expect(mix).toContain("volume='pow(10,(-3.000+if(lt((t+");
    expectGolden('mixed-ducked-loudness', plan);
  });

  it('an in/out range inside a transition, and a still frame', () => {
    const project = renderProject(
      [videoAsset('a'), videoAsset('b')],
      [
        clip('c1', 'a', 60),
        { type: 'transition', id: 't', kind: 'wipeLeft', durationFrames: 10 },
        clip('c2', 'b', 60, { sourceIn: 10 }),
      ],
      [],
      { inFrame: 20, outFrame: 58 },
    );
    const ranged = planOf(project, 'h264-sequence');
    expect(ranged.output.frameCount).toBe(38);
    expect(ranged.segments.map((segment) => segment.durationFrames)).toEqual([35, 3]);
    expectGolden('range-in-transition', ranged);
    const still = planOf(project, 'still-png', { startFrame: 57, endFrame: 58 });
    expect(still.mode).toBe('still');
    expectGolden('still-frame', still);
    const wav = planOf(project, 'wav');
    expect(wav.mode).toBe('audioOnly');
    expectGolden('audio-only-wav', wav);
  });
});

describe('compileSequence smart choice', () => {
  it('never joins a foreign-header copy to re-encoded parts, even when the encode comes from a demotion', () => {
    const assets = [
      videoAsset('a', { hash: 'MD5:x' }),
      videoAsset('b', { hash: 'MD5:y' }),
      videoAsset('c', { hash: 'MD5:x' }),
    ];
    const project = renderProject(assets, [clip('c1', 'a', 120), clip('c2', 'b', 120), clip('c3', 'c', 120)]);
    const plan = planOf(project, 'h264-sequence', null, { keyframes: { a: [0], b: [0], c: [0] } });
    expect(plan.segments.map((segment) => segment.path)).toEqual(['encode', 'encode', 'encode']);
    expect(plan.segments[1]?.reason).toMatch(/header/);
    expect(plan.segments[0]?.reason).toMatch(/no edit-ready copy/);
    const editReady = {
      a: { video: { ...assets[0]!.media.video!, extradataHash: 'MD5:ours' }, keyframes: tenKeyframes },
    };
    const mixed = planOf(project, 'h264-sequence', null, { editReady, keyframes: { b: [0], c: [0] } });
    expect(mixed.segments.map((segment) => [segment.path, segment.usesEditReady])).toEqual([
      ['copy', true],
      ['encode', false],
      ['encode', false],
    ]);
  });
});

describe('compileSequence issues', () => {
  it('reports every problem and gives no plan', () => {
    const project = renderProject(
      [videoAsset('a', { frames: 48 })],
      [
        clip('c1', 'a', 48),
        { type: 'transition', id: 't', kind: 'dissolve', durationFrames: 12 },
        clip('c2', 'a', 40),
        clip('c3', 'ghost', 10),
        clip('c4', 'a', 60),
      ],
    );
    const result = compileSequence(project, 'seq', preset('h264-sequence'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.code).sort()).toEqual([
      'ASSET_MISSING',
      'CLIP_BEYOND_SOURCE',
      'TRANSITION_HANDLES',
    ]);
    expect(result.issues.find((issue) => issue.code === 'ASSET_MISSING')?.path).toEqual([
      'sequences',
      'seq',
      'videoTracks',
      0,
      'items',
      3,
    ]);
    expect('plan' in result).toBe(false);
  });

  it('refuses a transition on an upper video track, naming the track', () => {
    const project = renderProject([videoAsset('a', { frames: 120 })], [clip('c1', 'a', 48)]);
    project.sequences.seq!.videoTracks.push({
      ...project.sequences.seq!.videoTracks[0]!,
      id: 'v2',
      name: 'V2',
      items: [
        clip('o1', 'a', 24, { sourceIn: 12 }),
        { type: 'transition', id: 't', kind: 'dissolve', durationFrames: 6 },
        clip('o2', 'a', 24, { sourceIn: 60 }),
      ],
    });
    const result = compileSequence(project, 'seq', preset('h264-sequence'));
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['OVERLAY_TRANSITION_UNSUPPORTED', ['sequences', 'seq', 'videoTracks', 1]],
    ]);
  });

  it('refuses ranges outside the sequence and unknown sequences', () => {
    const project = renderProject([videoAsset('a')], [clip('c1', 'a', 24)]);
    const outside = compileSequence(project, 'seq', preset('h264-sequence'), {
      startFrame: 10,
      endFrame: 40,
    });
    expect(outside.ok ? [] : outside.issues.map((issue) => issue.code)).toEqual(['RANGE_INVALID']);
    const missing = compileSequence(project, 'nope', preset('h264-sequence'));
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.code)).toEqual(['SEQUENCE_NOT_FOUND']);
  });
});

describe('compileSequence properties', () => {
  const timeline = fc.array(
    fc.record({
      frames: fc.integer({ min: 8, max: 60 }),
      transition: fc.integer({ min: 0, max: 8 }),
      sourceIn: fc.integer({ min: 4, max: 20 }),
      rate: fc.constantFrom(24, 25, 30),
    }),
    { minLength: 1, maxLength: 8 },
  );

  it('is deterministic and its segments tile the range exactly, frames and samples', () => {
    fc.assert(
      fc.property(timeline, fc.boolean(), (shots, editReady) => {
        const assets = shots.map((shot, index) =>
          videoAsset(`s${index}`, { rate: { num: shot.rate, den: 1 }, frames: 200 }),
        );
        const items: TrackItem[] = [];
        shots.forEach((shot, index) => {
          if (index > 0 && shot.transition >= 2)
            items.push({
              type: 'transition',
              id: `t${index}`,
              kind: 'dissolve',
              durationFrames: shot.transition,
            });
          items.push(clip(`c${index}`, `s${index}`, shot.frames, { sourceIn: shot.sourceIn }));
        });
        const project = renderProject(assets, items);
        const options: CompileOptions = editReady
          ? {
              editReady: Object.fromEntries(
                assets.map((asset) => [
                  asset.id,
                  { video: { ...asset.media.video!, extradataHash: 'MD5:x' }, keyframes: tenKeyframes },
                ]),
              ),
            }
          : { keyframes: Object.fromEntries(assets.map((asset) => [asset.id, [0]])) };
        const first = compileSequence(project, 'seq', preset('h264-sequence'), null, options);
        const second = compileSequence(
          structuredClone(project),
          'seq',
          preset('h264-sequence'),
          null,
          options,
        );
        expect(second).toEqual(first);
        if (!first.ok) return;
        const total = shots.reduce((sum, shot) => sum + shot.frames, 0);
        expect(first.plan.output.frameCount).toBe(total);
        let cursor = 0;
        for (const segment of first.plan.segments) {
          expect(segment.startFrame).toBe(cursor);
          cursor += segment.durationFrames;
        }
        expect(cursor).toBe(total);
        const units = first.plan.steps.filter((step) => step.phase === 0);
        expect(units).toHaveLength(first.plan.segments.length);
        expect(units.reduce((sum, step) => sum + (step.soundSamples ?? 0), 0)).toBe(
          first.plan.output.sampleCount,
        );
        for (const step of units) expect(step.invocation.filterComplex).toContain(`end_sample=`);
      }),
      { numRuns: 60 },
    );
  });
});
