import { describe, expect, it } from 'vitest';
import {
  migrateForward,
  newProject,
  parseProjectText,
  validateReferences,
  type Migration,
  type Project,
} from '../../../common/model';
import { firstSequence, fixtureProject } from '../../helpers/modelFixtures';
import { apply } from './editHelpers';

describe('forward migrations', () => {
  it('runs each step in order up to the target and says where it started', () => {
    const steps: Record<number, Migration> = {
      0: (doc) => ({ ...doc, trail: ['0→1'] }),
      1: (doc) => ({ ...doc, trail: [...(doc.trail as string[]), '1→2'] }),
    };
    const outcome = migrateForward({ schemaVersion: 0 }, steps, 2);
    expect(outcome).toEqual({
      kind: 'migrated',
      fromVersion: 0,
      document: { schemaVersion: 2, trail: ['0→1', '1→2'] },
    });
    expect(migrateForward({ schemaVersion: 2 }, steps, 2)).toMatchObject({ kind: 'current' });
    expect(migrateForward({ schemaVersion: 3 }, steps, 2)).toEqual({ kind: 'tooNew', version: 3 });
    expect(migrateForward({ schemaVersion: 1.5 }, steps, 2)).toMatchObject({ kind: 'invalidVersion' });
    expect(migrateForward({}, steps, 2)).toMatchObject({ kind: 'invalidVersion' });
    expect(migrateForward({ schemaVersion: 0 }, { 1: steps[1]! }, 2)).toMatchObject({
      kind: 'invalidVersion',
      message: 'no migration from version 0',
    });
  });

  it('turns the synthetic v0 shape into a valid current document', () => {
    const current = newProject({ name: 'v0' });
    const { sequences, sequenceOrder: _order, ledger: _ledger, ...rest } = current;
    void _order;
    void _ledger;
    const parsed = parseProjectText(
      JSON.stringify({ ...rest, schemaVersion: 0, sequences: Object.values(sequences) }),
    );
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 0 });
    if (parsed.ok) expect(parsed.document).toEqual(current);
  });
});

describe('cross-reference validation', () => {
  const base = (): Project => {
    let doc = fixtureProject();
    const seq = firstSequence(doc);
    doc = apply(doc, {
      type: 'appendClip',
      sequenceId: seq.id,
      trackId: seq.videoTracks[0]!.id,
      clip: { id: 'c', assetId: 'v10', durationFrames: 10 },
    });
    return apply(doc, { type: 'createShot', id: 'sh', fields: {} });
  };

  it('accepts a consistent document', () => {
    expect(validateReferences(base())).toBeNull();
  });

  it.each([
    [
      'a key that differs from its id',
      (doc: Project) => ({ ...doc, shots: { other: doc.shots.sh! } }),
      '$.shots.other.id',
    ],
    ['a shot missing from the order', (doc: Project) => ({ ...doc, shotOrder: [] }), '$.shotOrder'],
    [
      'an order listing a shot twice',
      (doc: Project) => ({ ...doc, shotOrder: ['sh', 'sh'] }),
      '$.shotOrder[1]',
    ],
    [
      'a selected take that is not one of the shot’s',
      (doc: Project) => ({ ...doc, shots: { sh: { ...doc.shots.sh!, selectedTakeId: 'nope' } } }),
      '$.shots.sh.selectedTakeId',
    ],
    [
      'a keyframe naming no asset',
      (doc: Project) => ({
        ...doc,
        shots: { sh: { ...doc.shots.sh!, keyframes: { first: 'gone', middle: null, last: null } } },
      }),
      '$.shots.sh.keyframes.first',
    ],
  ])('refuses %s, naming its path', (_name, breakIt, path) => {
    expect(validateReferences(breakIt(base()))?.path).toBe(path);
  });

  it('refuses a transition at the end of a track and a duplicated item id', () => {
    const doc = base();
    const seq = firstSequence(doc);
    const track = seq.videoTracks[0]!;
    const transitionAtEnd = {
      ...doc,
      sequences: {
        [seq.id]: {
          ...seq,
          videoTracks: [
            {
              ...track,
              items: [
                ...track.items,
                { type: 'transition' as const, id: 't', kind: 'dissolve' as const, durationFrames: 4 },
              ],
            },
          ],
        },
      },
    };
    expect(validateReferences(transitionAtEnd)).toEqual({
      path: `$.sequences.${seq.id}.videoTracks[0].items[1]`,
      message: 'a transition must sit between two clips',
    });
    const duplicate = {
      ...doc,
      sequences: {
        [seq.id]: { ...seq, videoTracks: [{ ...track, items: [...track.items, track.items[0]!] }] },
      },
    };
    expect(validateReferences(duplicate)?.message).toMatch(/used twice/);
  });
});
