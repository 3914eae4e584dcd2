import { describe, expect, it } from 'vitest';
import {
  assetUsage,
  clipAtFrame,
  clipsInRange,
  findPlacedItem,
  firstSequenceOf,
  ledgerTotalCents,
  sequenceDurationFrames,
  shotsInOrder,
  trackDurationFrames,
} from '../../../common/model';
import { audioTrack, firstSequence, fixtureProject, videoTrack } from '../../helpers/modelFixtures';
import { apply } from './editHelpers';

function timeline() {
  const doc = fixtureProject();
  const seq = firstSequence(doc).id;
  let next = apply(doc, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: videoTrack(doc).id,
    clip: { id: 'a', assetId: 'v10', durationFrames: 24 },
  });
  next = apply(next, {
    type: 'insertClip',
    sequenceId: seq,
    trackId: videoTrack(doc).id,
    frame: 40,
    clip: { id: 'b', assetId: 'still', durationFrames: 10 },
  });
  next = apply(next, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: audioTrack(doc).id,
    clip: { id: 'm', assetId: 'a1', durationFrames: 100 },
  });
  return next;
}

describe('selectors', () => {
  it('place items on the timeline and measure tracks and the sequence', () => {
    const doc = timeline();
    const sequence = firstSequenceOf(doc)!;
    expect(trackDurationFrames(videoTrack(doc))).toBe(50);
    expect(sequenceDurationFrames(sequence)).toBe(100);
    expect(clipAtFrame(videoTrack(doc), 23)?.item.id).toBe('a');
    expect(clipAtFrame(videoTrack(doc), 24)).toBeNull();
    expect(clipAtFrame(videoTrack(doc), 40)?.item.id).toBe('b');
    expect(
      clipsInRange(sequence, 20, 41)
        .map((placed) => placed.item.id)
        .sort(),
    ).toEqual(['a', 'b', 'm']);
    expect(clipsInRange(sequence, 50, 60).map((placed) => placed.item.id)).toEqual(['m']);
    expect(findPlacedItem(sequence, 'b')).toMatchObject({ startFrame: 40, endFrame: 50, index: 2 });
  });

  it('list shots in order, find where an asset is used, and total the ledger', () => {
    let doc = timeline();
    doc = apply(doc, {
      type: 'createShot',
      id: 's2',
      fields: { keyframes: { first: 'still', middle: null, last: null } },
    });
    doc = apply(doc, { type: 'createShot', id: 's1', fields: {}, index: 0 });
    expect(shotsInOrder(doc).map((shot) => shot.id)).toEqual(['s1', 's2']);
    expect(assetUsage(doc, 'still')).toEqual({
      clips: [{ sequenceId: firstSequence(doc).id, trackId: videoTrack(doc).id, itemId: 'b' }],
      shotIds: ['s2'],
      referenceIds: [],
    });
    const entry = {
      id: 'l',
      takeId: 't',
      shotId: 's1',
      provider: 'p',
      model: 'm',
      at: '2026-01-01T00:00:00.000Z',
    };
    doc = {
      ...doc,
      ledger: [
        { ...entry, estimatedCents: 50, actualCents: 40 },
        { ...entry, id: 'l2', estimatedCents: 25, actualCents: null },
      ],
    };
    expect(ledgerTotalCents(doc)).toBe(65);
  });
});
