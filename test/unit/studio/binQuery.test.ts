import { describe, expect, it } from 'vitest';
import { newProject, type Asset, type Project, type Shot, type Take } from '../../../common/model';
import { buildBinEntries } from '../../../renderer/src/features/bin/binEntries';
import { arrangeBin, defaultBinQuery, filterChoices } from '../../../renderer/src/features/bin/binQuery';

function asset(
  id: string,
  kind: Asset['kind'],
  name: string,
  seconds: number,
  extra: Partial<Asset> = {},
): Asset {
  return {
    id,
    kind,
    name,
    path: `media/${id}`,
    storage: 'copied',
    contentHash: 'a'.repeat(64),
    media: {
      container: 'mov',
      duration: { num: seconds * 1000, den: 1000 },
      sizeBytes: 1,
      video: null,
      audio: null,
      audioStreamCount: 0,
    },
    origin: {
      kind: 'imported',
      importedAt: `2026-01-0${Math.min(9, seconds)}T00:00:00Z`,
      originalPath: name,
    },
    tags: [],
    favourite: false,
    folder: null,
    ...extra,
  };
}

function take(id: string, shotId: string, status: Take['status'], outputAssetId: string | null): Take {
  return {
    id,
    shotId,
    provider: 'animatic',
    model: 'animatic-1',
    mode: 'textToVideo',
    status,
    jobId: null,
    taskId: null,
    recipe: {
      prompt: 'a lighthouse at dusk',
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 4,
      ratio: '16:9',
      seed: null,
      audio: false,
    },
    estimatedCostCents: 0,
    actualCostCents: null,
    createdAt: '2026-01-05T00:00:00Z',
    finishedAt: null,
    outputAssetId,
    lastFrameAssetId: null,
    error: status === 'failed' ? { code: 'PROVIDER_MODERATION', message: 'Refused' } : null,
  };
}

function fixture(): Project {
  const project = newProject({ name: 'Test' });
  const shot: Shot = {
    id: 'shot_a',
    name: 'Lighthouse',
    prompt: 'a lighthouse at dusk',
    negativePrompt: '',
    cameraDirection: 'static',
    keyframes: { first: null, middle: null, last: null },
    referenceIds: [],
    sourceVideoAssetId: null,
    durationSeconds: 4,
    ratio: '16:9',
    seed: null,
    audio: false,
    model: { provider: 'animatic', model: 'animatic-1' },
    takeIds: ['take_1', 'take_2', 'take_3'],
    selectedTakeId: 'take_2',
    promptHistory: [],
  };
  return {
    ...project,
    assets: {
      a_beach: asset('a_beach', 'video', 'Beach.mp4', 3, { favourite: true, tags: ['b-roll'] }),
      a_music: asset('a_music', 'audio', 'Score.wav', 9),
      a_still: asset('a_still', 'image', 'Poster.png', 1),
      out_1: asset('out_1', 'video', 'take1.mp4', 4),
      out_2: asset('out_2', 'video', 'take2.mp4', 4),
    },
    shots: { shot_a: shot },
    shotOrder: ['shot_a'],
    takes: {
      take_1: take('take_1', 'shot_a', 'succeeded', 'out_1'),
      take_2: take('take_2', 'shot_a', 'succeeded', 'out_2'),
      take_3: take('take_3', 'shot_a', 'failed', null),
    },
  };
}

describe('bin entries', () => {
  it('groups takes under their shot and keeps take outputs out of the media', () => {
    const entries = buildBinEntries(fixture(), new Set(['a_music']));
    expect(entries.map((entry) => entry.key)).toEqual([
      'shot:shot_a',
      'take:take_1',
      'take:take_2',
      'take:take_3',
      'asset:a_beach',
      'asset:a_music',
      'asset:a_still',
    ]);
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('shot:shot_a')).toMatchObject({ assetId: 'out_2', takeCount: 3 });
    expect(byKey.get('take:take_2')).toMatchObject({
      status: 'generated',
      isSelectedTake: true,
      takeNumber: 2,
    });
    expect(byKey.get('take:take_3')).toMatchObject({
      status: 'failed',
      errorMessage: 'Refused',
      assetId: null,
    });
    expect(byKey.get('asset:a_music')?.status).toBe('missing');
    expect(byKey.get('asset:a_still')?.durationSeconds).toBeNull();
  });

  it('shows takes only when their shot is expanded', () => {
    const entries = buildBinEntries(fixture(), new Set());
    const collapsed = arrangeBin(entries, defaultBinQuery, new Set());
    expect(collapsed.map((entry) => entry.key)).toEqual([
      'shot:shot_a',
      'asset:a_still',
      'asset:a_beach',
      'asset:a_music',
    ]);
    const expanded = arrangeBin(entries, defaultBinQuery, new Set(['shot_a']));
    expect(expanded.slice(0, 4).map((entry) => entry.key)).toEqual([
      'shot:shot_a',
      'take:take_1',
      'take:take_2',
      'take:take_3',
    ]);
  });

  it('keeps shots in storyboard order, a new shot without takes included', () => {
    const project = fixture();
    const second = {
      ...project.shots.shot_a!,
      id: 'shot_b',
      name: 'Beach',
      takeIds: [],
      selectedTakeId: null,
    };
    const document = {
      ...project,
      shots: { ...project.shots, shot_b: second },
      shotOrder: ['shot_a', 'shot_b'],
    };
    const shots = arrangeBin(buildBinEntries(document, new Set()), defaultBinQuery, new Set()).filter(
      (entry) => entry.type === 'shot',
    );
    expect(shots.map((entry) => entry.key)).toEqual(['shot:shot_a', 'shot:shot_b']);
  });

  it('searches, filters and sorts', () => {
    const entries = buildBinEntries(fixture(), new Set());
    const none = new Set<string>();
    const names = (query: Partial<typeof defaultBinQuery>) =>
      arrangeBin(entries, { ...defaultBinQuery, ...query }, none).map((entry) => entry.key);
    expect(names({ text: 'beach' })).toEqual(['asset:a_beach']);
    expect(names({ text: 'lighthouse', groupTakes: false })).toEqual([
      'take:take_1',
      'take:take_2',
      'take:take_3',
    ]);
    expect(names({ kind: 'audio' })).toEqual(['asset:a_music']);
    expect(names({ status: 'failed', groupTakes: false })).toEqual(['take:take_3']);
    // A matching take keeps its shot in the grouped view.
    expect(names({ status: 'failed' })).toEqual(['shot:shot_a']);
    expect(names({ favouritesOnly: true })).toEqual(['asset:a_beach']);
    expect(names({ folder: 'b-roll' })).toEqual(['asset:a_beach']);
    expect(names({ provider: 'animatic', groupTakes: false })).toHaveLength(3);
    expect(names({ sort: 'name', groupTakes: false, kind: 'image' })).toEqual(['asset:a_still']);
    expect(names({ sort: 'duration', descending: true, groupTakes: false }).slice(0, 2)).toEqual([
      'asset:a_music',
      'take:take_1',
    ]);
    expect(filterChoices(entries)).toEqual({ providers: ['animatic'], folders: ['b-roll'] });
  });
});
