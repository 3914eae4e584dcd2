import { describe, expect, it } from 'vitest';
import { snap, snapRange, snapTargets, type Project } from '../../../common/model';
import { firstSequence, fixtureProject, videoTrack } from '../../helpers/modelFixtures';
import { apply, layout, refused } from './editHelpers';

/** V1: a[20..68) b[100..148) from v10, then a still. */
function cut(): { doc: Project; seq: string; v1: string } {
  const doc = fixtureProject();
  const seq = firstSequence(doc).id;
  const v1 = videoTrack(doc).id;
  let next = apply(doc, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 'a', assetId: 'v10', sourceIn: 20, durationFrames: 48 },
  });
  next = apply(next, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 'b', assetId: 'v10', sourceIn: 100, durationFrames: 48 },
  });
  next = apply(next, {
    type: 'appendClip',
    sequenceId: seq,
    trackId: v1,
    clip: { id: 's', assetId: 'still', durationFrames: 24 },
  });
  return { doc: next, seq, v1 };
}

describe('trims, roll, slip, split', () => {
  it('trims an end without ripple (leaving a gap) and with ripple (moving later clips)', () => {
    const { doc, seq, v1 } = cut();
    expect(
      layout(apply(doc, { type: 'trim', sequenceId: seq, itemId: 'a', edge: 'end', deltaFrames: -8 }), v1),
    ).toEqual(['a[20]@0+40', 'gap@40+8', 'b[100]@48+48', 's[0]@96+24']);
    expect(
      layout(
        apply(doc, {
          type: 'trim',
          sequenceId: seq,
          itemId: 'a',
          edge: 'end',
          deltaFrames: -8,
          ripple: true,
        }),
        v1,
      ),
    ).toEqual(['a[20]@0+40', 'b[100]@40+48', 's[0]@88+24']);
    expect(refused(doc, { type: 'trim', sequenceId: seq, itemId: 'a', edge: 'end', deltaFrames: 8 })).toMatch(
      /no room/,
    );
  });

  it('trims a start: the source in point follows, and media limits hold', () => {
    const { doc, seq, v1 } = cut();
    const later = apply(doc, { type: 'trim', sequenceId: seq, itemId: 'b', edge: 'start', deltaFrames: 10 });
    expect(layout(later, v1)).toEqual(['a[20]@0+48', 'gap@48+10', 'b[110]@58+38', 's[0]@96+24']);
    const back = apply(later, {
      type: 'trim',
      sequenceId: seq,
      itemId: 'b',
      edge: 'start',
      deltaFrames: -10,
    });
    expect(layout(back, v1)).toEqual(layout(doc, v1));
    expect(
      refused(doc, {
        type: 'trim',
        sequenceId: seq,
        itemId: 'a',
        edge: 'start',
        deltaFrames: -21,
        ripple: true,
      }),
    ).toMatch(/beginning of its media/);
    expect(
      refused(doc, {
        type: 'trim',
        sequenceId: seq,
        itemId: 'b',
        edge: 'end',
        deltaFrames: 93,
        ripple: true,
      }),
    ).toMatch(/past the end/);
    expect(
      refused(doc, {
        type: 'trim',
        sequenceId: seq,
        itemId: 'a',
        edge: 'end',
        deltaFrames: -48,
        ripple: true,
      }),
    ).toMatch(/one frame/);
  });

  it('rolls a cut, slips a clip and splits at a frame', () => {
    const { doc, seq, v1 } = cut();
    expect(
      layout(apply(doc, { type: 'roll', sequenceId: seq, leftItemId: 'a', deltaFrames: 6 }), v1),
    ).toEqual(['a[20]@0+54', 'b[106]@54+42', 's[0]@96+24']);
    expect(layout(apply(doc, { type: 'slip', sequenceId: seq, itemId: 'b', deltaFrames: -30 }), v1)[1]).toBe(
      'b[70]@48+48',
    );
    expect(refused(doc, { type: 'slip', sequenceId: seq, itemId: 'b', deltaFrames: 93 })).toMatch(
      /past the end/,
    );
    expect(refused(doc, { type: 'slip', sequenceId: seq, itemId: 's', deltaFrames: 1 })).toMatch(/still/);
    const split = apply(doc, { type: 'split', sequenceId: seq, trackId: v1, frame: 60, newItemId: 'b2' });
    expect(layout(split, v1)).toEqual(['a[20]@0+48', 'b[100]@48+12', 'b2[112]@60+36', 's[0]@96+24']);
    expect(refused(doc, { type: 'split', sequenceId: seq, trackId: v1, frame: 48 })).toMatch(/no clip under/);
  });

  it('splits keyframes and fades so each half plays what the whole did', () => {
    const { doc, seq, v1 } = cut();
    let next = apply(doc, {
      type: 'setKeyframes',
      sequenceId: seq,
      itemId: 'a',
      parameter: 'volume',
      keyframes: [
        { frame: 0, value: -20 },
        { frame: 40, value: 0 },
      ],
    });
    next = apply(next, {
      type: 'setClipProperties',
      sequenceId: seq,
      itemId: 'a',
      properties: { videoFadeInFrames: 5, videoFadeOutFrames: 7 },
    });
    next = apply(next, { type: 'split', sequenceId: seq, trackId: v1, frame: 20, newItemId: 'a2' });
    const [left, right] = videoTrack(next).items;
    expect(left).toMatchObject({
      volumeKeyframes: [
        { frame: 0, value: -20 },
        { frame: 20, value: -10 },
      ],
      videoFadeInFrames: 5,
      videoFadeOutFrames: 0,
    });
    expect(right).toMatchObject({
      volumeKeyframes: [
        { frame: 0, value: -10 },
        { frame: 20, value: 0 },
      ],
      videoFadeInFrames: 0,
      videoFadeOutFrames: 7,
    });
    expect(
      refused(doc, {
        type: 'setClipProperties',
        sequenceId: seq,
        itemId: 'a',
        properties: { audioFadeInFrames: 30, audioFadeOutFrames: 30 },
      }),
    ).toMatch(/longer than the clip/);
    expect(
      refused(doc, {
        type: 'setKeyframes',
        sequenceId: seq,
        itemId: 'a',
        parameter: 'opacity',
        keyframes: [{ frame: 0, value: 2 }],
      }),
    ).toMatch(/within 0/);
  });
});

describe('transitions', () => {
  it('adds a dissolve centred on a cut using handles from both clips; the track keeps its length', () => {
    const { doc, seq, v1 } = cut();
    const next = apply(doc, {
      type: 'addTransition',
      sequenceId: seq,
      leftItemId: 'a',
      kind: 'dissolve',
      durationFrames: 12,
      id: 't',
    });
    expect(layout(next, v1)).toEqual(['a[20]@0+48', 'T:dissolve+12', 'b[100]@48+48', 's[0]@96+24']);
    const changed = apply(next, {
      type: 'setTransition',
      sequenceId: seq,
      transitionId: 't',
      kind: 'dipToBlack',
    });
    expect(layout(changed, v1)[1]).toBe('T:dipToBlack+12');
    expect(layout(apply(next, { type: 'removeTransition', sequenceId: seq, transitionId: 't' }), v1)).toEqual(
      layout(doc, v1),
    );
  });

  it('refuses a transition without enough handle, and one next to a gap', () => {
    const { doc, seq } = cut();
    // b starts at source frame 100: 41 frames before the cut would need sourceIn >= 41 → fine; a ends at 68: tail 172
    // a's head is 20 frames: a transition on a cut into a (none here); make b start at 3 instead
    const tight = apply(doc, { type: 'slip', sequenceId: seq, itemId: 'b', deltaFrames: -97 });
    expect(
      refused(tight, {
        type: 'addTransition',
        sequenceId: seq,
        leftItemId: 'a',
        kind: 'wipeLeft',
        durationFrames: 10,
      }),
    ).toMatch(/handle before/);
    apply(tight, {
      type: 'addTransition',
      sequenceId: seq,
      leftItemId: 'a',
      kind: 'wipeLeft',
      durationFrames: 6,
    });
    // a still after b has unlimited handles; b's tail: 240 - 148 = 92 frames
    apply(doc, {
      type: 'addTransition',
      sequenceId: seq,
      leftItemId: 'b',
      kind: 'dipToWhite',
      durationFrames: 48,
    });
    // a clip used to the last frame of its media has no handle after the cut
    const noTail = apply(doc, { type: 'slip', sequenceId: seq, itemId: 'a', deltaFrames: 172 });
    expect(
      refused(noTail, {
        type: 'addTransition',
        sequenceId: seq,
        leftItemId: 'a',
        kind: 'dissolve',
        durationFrames: 2,
      }),
    ).toMatch(/handle after .* 1 frames needed past the cut, 0 available/);
    const lifted = apply(doc, { type: 'lift', sequenceId: seq, itemId: 'b' });
    expect(
      refused(lifted, {
        type: 'addTransition',
        sequenceId: seq,
        leftItemId: 'a',
        kind: 'dissolve',
        durationFrames: 4,
      }),
    ).toMatch(/clip right after/);
  });

  it('refuses trims that would eat the handles a transition uses, and drops transitions of lifted clips', () => {
    const { doc, seq, v1 } = cut();
    const next = apply(doc, {
      type: 'addTransition',
      sequenceId: seq,
      leftItemId: 'a',
      kind: 'dissolve',
      durationFrames: 40,
      id: 't',
    });
    // the transition needs 20 frames of b before the cut: b's in point may not go below 20
    apply(next, { type: 'slip', sequenceId: seq, itemId: 'b', deltaFrames: -80 });
    expect(refused(next, { type: 'slip', sequenceId: seq, itemId: 'b', deltaFrames: -81 })).toMatch(
      /handle before/,
    );
    expect(
      refused(next, { type: 'trim', sequenceId: seq, itemId: 'a', edge: 'end', deltaFrames: -4 }),
    ).toMatch(/transition sits on this cut/);
    expect(layout(apply(next, { type: 'lift', sequenceId: seq, itemId: 'b' }), v1)).toEqual([
      'a[20]@0+48',
      'gap@48+48',
      's[0]@96+24',
    ]);
  });
});

describe('snapping', () => {
  it('collects clip edges, playhead, markers and marks, and snaps within a tolerance', () => {
    const { doc, seq } = cut();
    let next = apply(doc, { type: 'addMarker', sequenceId: seq, marker: { frame: 30, durationFrames: 5 } });
    next = apply(next, { type: 'setInOut', sequenceId: seq, inFrame: 10, outFrame: 110 });
    const targets = snapTargets(firstSequence(next), 77);
    expect(targets).toEqual([0, 10, 30, 35, 48, 77, 96, 110, 120]);
    expect(snapTargets(firstSequence(next), 0, ['s'])).not.toContain(120);
    expect(snap(45, targets, 3)).toBe(48);
    expect(snap(41, targets, 3)).toBe(41);
    expect(snap(33, targets, 3)).toBe(35);
    expect(snapRange(50, 20, targets, 3)).toBe(48);
    expect(snapRange(58, 20, targets, 3)).toBe(57); // end 78 snaps to the playhead at 77
    expect(snapRange(1, 5, targets, 3)).toBe(0);
  });
});
