import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EditHistory,
  applyCommand,
  deepEqual,
  editCommandSchema,
  framesAvailableFrom,
  framesBefore,
  itemStarts,
  projectSchema,
  sourceUnitsOf,
  transitionSpan,
  validateDocument,
  type EditCommandInput,
  type Project,
  type Track,
} from '../../../common/model';
import { firstSequence, fixtureProject } from '../../helpers/modelFixtures';

const kinds = [
  'insertClip',
  'overwriteClip',
  'appendClip',
  'appendTight',
  'lift',
  'rippleDelete',
  'moveClip',
  'trimStart',
  'trimEnd',
  'roll',
  'slip',
  'split',
  'addTransition',
  'removeTransition',
  'fades',
  'keyframes',
  'lock',
  'addTrack',
  'marker',
] as const;

interface Intent {
  kind: (typeof kinds)[number];
  pick: number;
  track: number;
  frame: number;
  delta: number;
  length: number;
  flag: boolean;
}

const intentArbitrary: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constantFrom(...kinds),
  pick: fc.nat(1000),
  track: fc.nat(10),
  frame: fc.nat(400),
  delta: fc.integer({ min: -80, max: 80 }),
  length: fc.integer({ min: 1, max: 120 }),
  flag: fc.boolean(),
});

function tracksOf(doc: Project): Track[] {
  const sequence = firstSequence(doc);
  return [...sequence.videoTracks, ...sequence.audioTracks];
}

/** A concrete command from an intent and the current document (ids picked among what exists). */
function toCommand(doc: Project, intent: Intent): EditCommandInput | null {
  const sequence = firstSequence(doc);
  const sequenceId = sequence.id;
  const tracks = tracksOf(doc);
  const track = tracks[intent.track % tracks.length] as Track;
  const items = tracks.flatMap((candidate) => candidate.items);
  const clips = items.filter((item) => item.type === 'clip');
  const transitions = items.filter((item) => item.type === 'transition');
  const clip = clips[intent.pick % Math.max(1, clips.length)];
  // clips with something after them (for roll) and with a clip right after (for transitions)
  const withNext = tracks.flatMap((candidate) =>
    candidate.items.filter((item, index) => item.type === 'clip' && candidate.items[index + 1] !== undefined),
  );
  const beforeClip = tracks.flatMap((candidate) =>
    candidate.items.filter(
      (item, index) => item.type === 'clip' && candidate.items[index + 1]?.type === 'clip',
    ),
  );
  const clipStarts = tracks.flatMap((candidate) => {
    const starts = itemStarts(candidate.items);
    return candidate.items.flatMap((item, index) =>
      item.type === 'clip' && item.durationFrames > 1
        ? [{ trackId: candidate.id, start: starts[index] as number, duration: item.durationFrames }]
        : [],
    );
  });
  const assetId =
    track.kind === 'video'
      ? ((['v10', 'v30', 'still'] as const)[intent.pick % 3] ?? 'v10')
      : ((['a1', 'v10'] as const)[intent.pick % 2] ?? 'a1');
  const newClip = {
    assetId,
    sourceIn: assetId === 'still' ? 0 : (intent.pick * 7) % 200,
    durationFrames: intent.length,
  };
  switch (intent.kind) {
    case 'insertClip':
      return { type: 'insertClip', sequenceId, trackId: track.id, frame: intent.frame, clip: newClip };
    case 'overwriteClip':
      return { type: 'overwriteClip', sequenceId, trackId: track.id, frame: intent.frame, clip: newClip };
    case 'appendClip':
      return { type: 'appendClip', sequenceId, trackId: track.id, clip: newClip };
    case 'appendTight':
      // media used to its first or last frame: no handle on one side
      return {
        type: 'appendClip',
        sequenceId,
        trackId: track.id,
        clip: {
          assetId: 'v10',
          sourceIn: intent.flag ? 0 : 240 - Math.min(intent.length, 240),
          durationFrames: intent.length,
        },
      };
    case 'lift':
    case 'rippleDelete': {
      const item = items[intent.pick % Math.max(1, items.length)];
      return item ? { type: intent.kind, sequenceId, itemId: item.id } : null;
    }
    case 'moveClip':
      return clip
        ? { type: 'moveClip', sequenceId, itemId: clip.id, toTrackId: track.id, toFrame: intent.frame }
        : null;
    case 'trimStart':
    case 'trimEnd':
      return clip
        ? {
            type: 'trim',
            sequenceId,
            itemId: clip.id,
            edge: intent.kind === 'trimStart' ? 'start' : 'end',
            deltaFrames: intent.delta,
            ripple: intent.flag,
          }
        : null;
    case 'roll': {
      const left = withNext[intent.pick % Math.max(1, withNext.length)];
      return left ? { type: 'roll', sequenceId, leftItemId: left.id, deltaFrames: intent.delta } : null;
    }
    case 'slip':
      return clip ? { type: 'slip', sequenceId, itemId: clip.id, deltaFrames: intent.delta } : null;
    case 'split': {
      const target = clipStarts[intent.pick % Math.max(1, clipStarts.length)];
      return target
        ? {
            type: 'split',
            sequenceId,
            trackId: target.trackId,
            frame: target.start + 1 + (intent.frame % (target.duration - 1)),
          }
        : { type: 'split', sequenceId, trackId: track.id, frame: intent.frame + 1 };
    }
    case 'addTransition': {
      const left = beforeClip[intent.pick % Math.max(1, beforeClip.length)];
      return left
        ? {
            type: 'addTransition',
            sequenceId,
            leftItemId: left.id,
            kind: intent.flag ? 'dissolve' : 'wipeLeft',
            durationFrames: 1 + (intent.length % 60),
          }
        : null;
    }
    case 'removeTransition': {
      const transition = transitions[intent.pick % Math.max(1, transitions.length)];
      return transition ? { type: 'removeTransition', sequenceId, transitionId: transition.id } : null;
    }
    case 'fades':
      return clip
        ? {
            type: 'setClipProperties',
            sequenceId,
            itemId: clip.id,
            properties: { videoFadeInFrames: intent.length % 20, audioFadeOutFrames: intent.pick % 20 },
          }
        : null;
    case 'keyframes':
      return clip
        ? {
            type: 'setKeyframes',
            sequenceId,
            itemId: clip.id,
            parameter: 'volume',
            keyframes: [
              { frame: 0, value: -12 },
              { frame: intent.length % 40, value: 0 },
            ].filter((point, index) => index === 0 || point.frame > 0),
          }
        : null;
    case 'lock':
      return {
        type: 'setTrack',
        sequenceId,
        trackId: track.id,
        changes: { locked: intent.flag && intent.pick % 4 === 0 },
      };
    case 'addTrack':
      return tracks.length < 6
        ? { type: 'addTrack', sequenceId, kind: intent.flag ? 'video' : 'audio' }
        : null;
    case 'marker':
      return { type: 'addMarker', sequenceId, marker: { frame: intent.frame } };
  }
}

/** The timeline invariants every document must keep. */
function checkInvariants(doc: Project): void {
  const sequence = firstSequence(doc);
  for (const track of tracksOf(doc)) {
    let frame = 0;
    let previousEnd = 0;
    let sum = 0;
    track.items.forEach((item, index) => {
      if (item.type === 'transition') {
        const left = track.items[index - 1];
        const right = track.items[index + 1];
        expect(left?.type).toBe('clip');
        expect(right?.type).toBe('clip');
        if (left?.type !== 'clip' || right?.type !== 'clip') return;
        const span = transitionSpan(item.durationFrames);
        const leftUnits = sourceUnitsOf(doc.assets[left.assetId]!);
        const rightUnits = sourceUnitsOf(doc.assets[right.assetId]!);
        expect(
          framesAvailableFrom(left.sourceIn, sequence.rate, leftUnits) - left.durationFrames,
        ).toBeGreaterThanOrEqual(span.after);
        expect(framesBefore(right.sourceIn, sequence.rate, rightUnits)).toBeGreaterThanOrEqual(span.before);
        return;
      }
      // no overlap: each item starts where the previous one ended, with a positive length
      expect(frame).toBe(previousEnd);
      expect(item.durationFrames).toBeGreaterThan(0);
      previousEnd = frame + item.durationFrames;
      frame = previousEnd;
      sum += item.durationFrames;
      if (item.type === 'gap') {
        expect(track.items[index + 1]?.type).not.toBe('gap');
        expect(index).toBeLessThan(track.items.length - 1);
      } else {
        expect(item.sourceIn).toBeGreaterThanOrEqual(0);
        const units = sourceUnitsOf(doc.assets[item.assetId]!);
        expect(item.durationFrames).toBeLessThanOrEqual(
          framesAvailableFrom(item.sourceIn, sequence.rate, units),
        );
        expect(item.videoFadeInFrames + item.videoFadeOutFrames).toBeLessThanOrEqual(item.durationFrames);
        expect(item.audioFadeInFrames + item.audioFadeOutFrames).toBeLessThanOrEqual(item.durationFrames);
        for (const point of item.volumeKeyframes)
          expect(point.frame).toBeLessThanOrEqual(item.durationFrames);
      }
    });
    // the track's length is the sum of its clips and gaps
    expect(frame).toBe(sum);
  }
}

describe('editing operations over random edit sequences', () => {
  it('keep the invariants, produce documents the schema accepts, and undo restores each step exactly', () => {
    fc.assert(
      fc.property(fc.array(intentArbitrary, { minLength: 1, maxLength: 50, size: 'large' }), (intents) => {
        const initial = fixtureProject();
        const history = new EditHistory<Project>(1000);
        const states: Project[] = [initial];
        let doc = initial;
        for (const intent of intents) {
          const input = toCommand(doc, intent);
          if (!input) continue;
          const before = JSON.stringify(doc);
          const result = applyCommand(doc, editCommandSchema.parse(input));
          // a refused edit changes nothing
          expect(JSON.stringify(doc)).toBe(before);
          if (!result.ok) continue;
          const next = result.document;
          const checked = validateDocument(next);
          if (!checked.ok)
            throw new Error(`${input.type} made an invalid document: ${JSON.stringify(checked)}`);
          // the schema adds nothing: every field is already there
          expect(projectSchema.parse(next)).toEqual(next);
          checkInvariants(next);
          if (history.record(doc, next, input.type)) states.push(next);
          doc = next;
        }
        // undo back to the start, checking every intermediate state
        for (let index = states.length - 1; index > 0; index -= 1) {
          const undone = history.undo(doc);
          if (!undone.ok) throw new Error('undo refused');
          expect(deepEqual(undone.document, states[index - 1])).toBe(true);
          doc = undone.document;
        }
        expect(doc).toEqual(initial);
        // and redo to the end
        for (let index = 1; index < states.length; index += 1) {
          const redone = history.redo(doc);
          if (!redone.ok) throw new Error('redo refused');
          doc = redone.document;
        }
        expect(doc).toEqual(states.at(-1));
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
