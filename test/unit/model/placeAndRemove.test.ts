import { describe, expect, it } from 'vitest';
import type { Project } from '../../../common/model';
import { audioTrack, firstSequence, fixtureProject, videoTrack } from '../../helpers/modelFixtures';
import { apply, layout, refused } from './editHelpers';

function base(): { doc: Project; seq: string; v1: string; a1: string } {
  const doc = fixtureProject();
  return { doc, seq: firstSequence(doc).id, v1: videoTrack(doc).id, a1: audioTrack(doc).id };
}

function twoClips() {
  const { doc, seq, v1, a1 } = base();
  let next = apply(doc, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 'c1', assetId: 'v10', durationFrames: 48 },
  });
  next = apply(next, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 'c2', assetId: 'v10', sourceIn: 100, durationFrames: 24 },
  });
  return { doc: next, seq, v1, a1 };
}

describe('placing clips', () => {
  it('appends, inserts (rippling later clips) and pads with a gap past the end', () => {
    const { doc, seq, v1 } = twoClips();
    expect(layout(doc, v1)).toEqual(['c1[0]@0+48', 'c2[100]@48+24']);
    const inserted = apply(doc, {
      type: 'insertClip',
      sequenceId: seq,
      trackId: v1,
      frame: 24,
      clip: { id: 'c3', assetId: 'still', durationFrames: 10 },
    });
    const layoutAfter = layout(inserted, v1);
    expect(layoutAfter[0]).toBe('c1[0]@0+24');
    expect(layoutAfter[1]).toBe('c3[0]@24+10');
    expect(layoutAfter[2]).toMatch(/^itm_[0-9a-f]+\[24\]@34\+24$/);
    expect(layoutAfter[3]).toBe('c2[100]@58+24');
    const far = apply(doc, {
      type: 'insertClip',
      sequenceId: seq,
      trackId: v1,
      frame: 100,
      clip: { id: 'c4', assetId: 'still', durationFrames: 5 },
    });
    expect(layout(far, v1).slice(2)).toEqual(['gap@72+28', 'c4[0]@100+5']);
  });

  it('overwrites over a range without moving anything after it', () => {
    const { doc, seq, v1 } = twoClips();
    const over = apply(doc, {
      type: 'overwriteClip',
      sequenceId: seq,
      trackId: v1,
      frame: 40,
      clip: { id: 'o', assetId: 'still', durationFrames: 16 },
    });
    const items = layout(over, v1);
    expect(items.slice(0, 2)).toEqual(['c1[0]@0+40', 'o[0]@40+16']);
    // what is left of c2 keeps playing its own frames from 108 on, at the same time as before
    expect(items[2]).toMatch(/\[108\]@56\+16$/);
    expect(items).toHaveLength(3);
  });

  it('refuses media past its end, sound on a video track and a still on an audio track', () => {
    const { doc, seq, v1, a1 } = base();
    expect(
      refused(doc, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { assetId: 'v10', sourceIn: 200, durationFrames: 41 },
      }),
    ).toMatch(/past the end/);
    expect(
      refused(doc, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { assetId: 'a1', durationFrames: 10 },
      }),
    ).toMatch(/audio track/);
    expect(
      refused(doc, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: a1,
        clip: { assetId: 'still', durationFrames: 10 },
      }),
    ).toMatch(/video track/);
    // 10 s of 48 kHz sound is exactly 240 frames at 24 fps; one more is refused.
    apply(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: a1,
      clip: { assetId: 'a1', durationFrames: 240 },
    });
    expect(
      refused(doc, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: a1,
        clip: { assetId: 'a1', durationFrames: 241 },
      }),
    ).toMatch(/past the end/);
    // stills hold for any length
    apply(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { assetId: 'still', durationFrames: 100000 },
    });
  });

  it('converts source offsets with rescale for media of another rate (29.97 media on a 24 fps sequence)', () => {
    const { doc, seq, v1 } = base();
    let next = apply(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { id: 'n', assetId: 'v30', durationFrames: 48 },
    });
    next = apply(next, { type: 'split', sequenceId: seq, trackId: v1, frame: 24, newItemId: 'n2' });
    // 24 frames at 24 fps = 1 s = 29.97 frames at 30000/1001 → 30
    expect(layout(next, v1)).toEqual(['n[0]@0+24', 'n2[30]@24+24']);
    // 300 frames at 29.97 = 10.01 s = 240.24 frames at 24 → 240 whole frames available
    apply(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { assetId: 'v30', durationFrames: 240 },
    });
    refused(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { assetId: 'v30', durationFrames: 241 },
    });
  });
});

describe('removing clips', () => {
  it('lifts a clip leaving a gap, and ripple-deletes closing it', () => {
    const { doc, seq, v1 } = twoClips();
    expect(layout(apply(doc, { type: 'lift', sequenceId: seq, itemId: 'c1' }), v1)).toEqual([
      'gap@0+48',
      'c2[100]@48+24',
    ]);
    expect(layout(apply(doc, { type: 'rippleDelete', sequenceId: seq, itemId: 'c1' }), v1)).toEqual([
      'c2[100]@0+24',
    ]);
    // lifting the last clip leaves no trailing gap
    expect(layout(apply(doc, { type: 'lift', sequenceId: seq, itemId: 'c2' }), v1)).toEqual(['c1[0]@0+48']);
  });

  it('refuses edits on a locked track but lets it be unlocked', () => {
    const { doc, seq, v1 } = twoClips();
    const locked = apply(doc, { type: 'setTrack', sequenceId: seq, trackId: v1, changes: { locked: true } });
    expect(refused(locked, { type: 'lift', sequenceId: seq, itemId: 'c1' })).toMatch(/locked/);
    expect(
      refused(locked, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { assetId: 'still', durationFrames: 1 },
      }),
    ).toMatch(/locked/);
    const unlocked = apply(locked, {
      type: 'setTrack',
      sequenceId: seq,
      trackId: v1,
      changes: { locked: false, muted: true, solo: true },
    });
    expect(videoTrack(unlocked)).toMatchObject({ locked: false, muted: true, solo: true });
    apply(unlocked, { type: 'lift', sequenceId: seq, itemId: 'c1' });
  });

  it('refuses unknown ids and ids already used', () => {
    const { doc, seq, v1 } = twoClips();
    expect(refused(doc, { type: 'lift', sequenceId: seq, itemId: 'nope' })).toMatch(/no item/);
    expect(
      refused(doc, {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { id: 'c1', assetId: 'still', durationFrames: 1 },
      }),
    ).toMatch(/already used/);
    expect(refused(doc, { type: 'lift', sequenceId: 'seq_nope', itemId: 'c1' })).toMatch(/no sequence/);
  });
});

describe('moving clips with snapping', () => {
  it('moves a clip to another time and track, leaving a gap and overwriting at the target', () => {
    const { doc, seq, v1 } = twoClips();
    const withV2 = apply(doc, { type: 'addTrack', sequenceId: seq, kind: 'video', id: 'v2' });
    const moved = apply(withV2, {
      type: 'moveClip',
      sequenceId: seq,
      itemId: 'c2',
      toTrackId: 'v2',
      toFrame: 10,
    });
    expect(layout(moved, v1)).toEqual(['c1[0]@0+48']);
    expect(layout(moved, 'v2')).toEqual(['gap@0+10', 'c2[100]@10+24']);
    const sameTrack = apply(doc, {
      type: 'moveClip',
      sequenceId: seq,
      itemId: 'c2',
      toTrackId: v1,
      toFrame: 30,
    });
    expect(layout(sameTrack, v1)).toEqual(['c1[0]@0+30', 'c2[100]@30+24']);
    expect(
      refused(doc, {
        type: 'moveClip',
        sequenceId: seq,
        itemId: 'c2',
        toTrackId: audioTrack(doc).id,
        toFrame: 0,
      }),
    ).toMatch(/cannot move/);
  });
});
