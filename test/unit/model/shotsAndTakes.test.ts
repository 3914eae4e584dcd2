import { describe, expect, it } from 'vitest';
import type { Project, Take } from '../../../common/model';
import { firstSequence, fixtureProject, videoAsset, videoTrack } from '../../helpers/modelFixtures';
import { apply, layout, refused } from './editHelpers';

function take(
  id: string,
  shotId: string,
  outputAssetId: string | null,
  status: Take['status'] = 'succeeded',
): Take {
  return {
    id,
    shotId,
    provider: 'animatic',
    model: 'animatic',
    mode: 'textToVideo',
    status,
    jobId: null,
    taskId: null,
    recipe: {
      prompt: 'p',
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: null,
      audio: false,
    },
    estimatedCostCents: null,
    actualCostCents: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    outputAssetId,
    lastFrameAssetId: null,
    error: null,
  };
}

/** A shot with three takes: t1 (v10, 240 frames), t2 (short: 30 frames), t3 (failed). */
function withShot(): { doc: Project; seq: string; v1: string } {
  const base = fixtureProject();
  let doc = apply(base, { type: 'createShot', id: 'sh1', fields: { prompt: 'a fox', durationSeconds: 10 } });
  const shot = doc.shots.sh1!;
  const short = videoAsset('short', 30);
  doc = {
    ...doc,
    assets: { ...doc.assets, short },
    takes: {
      t1: take('t1', 'sh1', 'v10'),
      t2: take('t2', 'sh1', 'short'),
      t3: take('t3', 'sh1', null, 'failed'),
    },
    shots: { sh1: { ...shot, takeIds: ['t1', 't2', 't3'], selectedTakeId: 't1' } },
  };
  const seq = firstSequence(doc).id;
  const v1 = videoTrack(doc).id;
  doc = apply(doc, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 'c', assetId: 'v10', shotId: 'sh1', sourceIn: 200, durationFrames: 24 },
  });
  return { doc, seq, v1 };
}

describe('shots', () => {
  it('creates shots with defaults at a position, updates fields, reorders and deletes', () => {
    let doc = apply(fixtureProject(), { type: 'createShot', id: 's1', fields: {} });
    doc = apply(doc, { type: 'createShot', id: 's0', fields: { name: 'Opening' }, index: 0 });
    expect(doc.shotOrder).toEqual(['s0', 's1']);
    expect(doc.shots.s1).toMatchObject({
      name: 'Shot 1',
      durationSeconds: 5,
      ratio: '16:9',
      model: { provider: 'animatic' },
    });
    doc = apply(doc, {
      type: 'updateShot',
      shotId: 's1',
      fields: { prompt: 'rain on glass', keyframes: { first: 'still', middle: null, last: null } },
    });
    expect(doc.shots.s1?.prompt).toBe('rain on glass');
    expect(
      refused(doc, {
        type: 'updateShot',
        shotId: 's1',
        fields: { keyframes: { first: 'ghost', middle: null, last: null } },
      }),
    ).toMatch(/no asset/);
    doc = apply(doc, { type: 'moveShot', shotId: 's0', index: 5 });
    expect(doc.shotOrder).toEqual(['s1', 's0']);
    doc = apply(doc, { type: 'deleteShot', shotId: 's0' });
    expect(doc.shotOrder).toEqual(['s1']);
    expect(doc.shots.s0).toBeUndefined();
  });

  it('refuses deleting a shot used on the timeline; deleting an unused one removes its takes', () => {
    const { doc, seq } = withShot();
    expect(refused(doc, { type: 'deleteShot', shotId: 'sh1' })).toMatch(/used on the timeline/);
    const cleared = apply(doc, { type: 'rippleDelete', sequenceId: seq, itemId: 'c' });
    const deleted = apply(cleared, { type: 'deleteShot', shotId: 'sh1' });
    expect(Object.keys(deleted.takes)).toEqual([]);
  });
});

describe('takes', () => {
  it('swaps a clip to another take keeping its cut length, moving the in point back when the take is shorter', () => {
    const { doc, seq, v1 } = withShot();
    const swapped = apply(doc, { type: 'swapTake', sequenceId: seq, itemId: 'c', takeId: 't2' });
    expect(layout(swapped, v1)).toEqual(['c[6]@0+24']);
    expect(videoTrack(swapped).items[0]).toMatchObject({ assetId: 'short' });
    expect(refused(doc, { type: 'swapTake', sequenceId: seq, itemId: 'c', takeId: 't3' })).toMatch(
      /no finished video/,
    );
  });

  it('selecting a take makes the shot’s clips follow it; a take too short for a clip is refused', () => {
    const { doc, seq, v1 } = withShot();
    const followed = apply(doc, { type: 'selectTake', shotId: 'sh1', takeId: 't2' });
    expect(followed.shots.sh1?.selectedTakeId).toBe('t2');
    expect(videoTrack(followed).items[0]).toMatchObject({ assetId: 'short', durationFrames: 24 });
    const long = apply(doc, {
      type: 'trim',
      sequenceId: seq,
      itemId: 'c',
      edge: 'start',
      deltaFrames: -100,
      ripple: true,
    });
    expect(layout(long, v1)).toEqual(['c[100]@0+124']);
    expect(refused(long, { type: 'selectTake', shotId: 'sh1', takeId: 't2' })).toMatch(
      /shorter than the clip/,
    );
    const locked = apply(doc, { type: 'setTrack', sequenceId: seq, trackId: v1, changes: { locked: true } });
    expect(refused(locked, { type: 'selectTake', shotId: 'sh1', takeId: 't2' })).toMatch(/locked/);
  });
});

describe('tracks and markers', () => {
  it('adds named tracks, refuses removing the last video track, keeps markers in frame order', () => {
    let doc = fixtureProject();
    const seq = firstSequence(doc).id;
    doc = apply(doc, { type: 'addTrack', sequenceId: seq, kind: 'audio', role: 'effects' });
    expect(firstSequence(doc).audioTracks.map((track) => track.name)).toEqual(['A1', 'A2', 'A3']);
    expect(refused(doc, { type: 'removeTrack', sequenceId: seq, trackId: videoTrack(doc).id })).toMatch(
      /at least one video/,
    );
    doc = apply(doc, { type: 'addMarker', sequenceId: seq, marker: { id: 'm2', frame: 50, name: 'drop' } });
    doc = apply(doc, { type: 'addMarker', sequenceId: seq, marker: { id: 'm1', frame: 10, color: 'red' } });
    expect(firstSequence(doc).markers.map((marker) => marker.id)).toEqual(['m1', 'm2']);
    doc = apply(doc, { type: 'updateMarker', sequenceId: seq, markerId: 'm1', changes: { frame: 90 } });
    expect(firstSequence(doc).markers.map((marker) => marker.id)).toEqual(['m2', 'm1']);
    doc = apply(doc, { type: 'removeMarker', sequenceId: seq, markerId: 'm2' });
    expect(firstSequence(doc).markers).toHaveLength(1);
    expect(refused(doc, { type: 'setInOut', sequenceId: seq, inFrame: 20, outFrame: 20 })).toMatch(
      /after the in mark/,
    );
  });
});
