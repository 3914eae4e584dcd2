import { describe, expect, it } from 'vitest';
import { EditHistory, applyPatch, diff, type Project } from '../../../common/model';
import { firstSequence, fixtureProject, videoTrack } from '../../helpers/modelFixtures';
import { apply } from './editHelpers';

describe('structural patches', () => {
  it('diffs only what changed and applies both ways', () => {
    const before = { a: { b: 1, c: [1, 2] }, d: 'x', gone: true };
    const after = { a: { b: 2, c: [1, 2] }, d: 'x', added: { z: 1 } };
    const patch = diff(before, after);
    expect(patch.map((entry) => entry.path.join('.')).sort()).toEqual(['a.b', 'added', 'gone']);
    expect(applyPatch(before, patch, 'forward')).toEqual(after);
    expect(applyPatch(after, patch, 'backward')).toEqual(before);
  });
});

describe('edit history', () => {
  const doc = fixtureProject();
  const seq = firstSequence(doc).id;
  const v1 = videoTrack(doc).id;

  it('undoes and redoes steps exactly', () => {
    const history = new EditHistory<Project>();
    const one = apply(doc, {
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { id: 'c', assetId: 'v10', durationFrames: 10 },
    });
    history.record(doc, one, 'Append');
    const two = apply(one, { type: 'renameProject', name: 'Renamed' });
    history.record(one, two, 'Rename');
    const undoRename = history.undo(two);
    expect(undoRename).toMatchObject({ ok: true, label: 'Rename' });
    if (!undoRename.ok) return;
    expect(undoRename.document).toEqual(one);
    const undoAppend = history.undo(undoRename.document);
    if (!undoAppend.ok) throw new Error('undo failed');
    expect(undoAppend.document).toEqual(doc);
    expect(history.undo(undoAppend.document)).toMatchObject({ ok: false, reason: 'empty' });
    const redo = history.redo(undoAppend.document);
    if (!redo.ok) throw new Error('redo failed');
    expect(redo.document).toEqual(one);
  });

  it('merges a run of equal coalesce keys into one step, and starts a new step after another key', () => {
    const history = new EditHistory<Project>();
    let current = doc;
    for (const name of ['R', 'Ra', 'Rai', 'Rain']) {
      const next = apply(current, { type: 'renameProject', name });
      history.record(current, next, 'Rename', 'field:name');
      current = next;
    }
    expect(history.size).toBe(1);
    const other = apply(current, { type: 'renameProject', name: 'Rainy' });
    history.record(current, other, 'Rename', 'field:other');
    expect(history.size).toBe(2);
    const first = history.undo(other);
    if (!first.ok) throw new Error('undo failed');
    const second = history.undo(first.document);
    if (!second.ok) throw new Error('undo failed');
    expect(second.document).toEqual(doc);
  });

  it('keeps at most 200 steps', () => {
    const history = new EditHistory<Project>();
    let current = doc;
    for (let index = 0; index < 205; index += 1) {
      const next = { ...current, name: `n${index}` };
      history.record(current, next, 'Rename');
      current = next;
    }
    expect(history.size).toBe(200);
  });

  it('leaves changes made by services in place, and refuses an undo whose target was changed since', () => {
    const history = new EditHistory<Project>();
    const edited = apply(doc, { type: 'createShot', id: 's', fields: { prompt: 'one' } });
    history.record(doc, edited, 'New shot');
    const renamed = apply(edited, { type: 'updateShot', shotId: 's', fields: { prompt: 'two' } });
    history.record(edited, renamed, 'Edit shot');
    // a service (not an undo step) renames the project meanwhile
    const serviced = { ...renamed, name: 'From a service' };
    const undone = history.undo(serviced);
    if (!undone.ok) throw new Error('undo failed');
    expect(undone.document.shots.s?.prompt).toBe('one');
    expect(undone.document.name).toBe('From a service');
    // a service changes the shot's prompt: undoing the shot's creation now conflicts
    const conflicting = {
      ...undone.document,
      shots: { s: { ...undone.document.shots.s!, prompt: 'service' } },
    };
    expect(history.undo(conflicting)).toMatchObject({ ok: false, reason: 'conflict' });
    expect(history.canUndo).toBe(false);
  });
});
