import { describe, expect, it } from 'vitest';
import {
  EditHistory,
  describeCommand,
  editCommandSchema,
  type EditCommandInput,
  type Project,
} from '../../../common/model';
import { firstSequence, fixtureProject } from '../../helpers/modelFixtures';
import { apply, refused } from './editHelpers';

/** Applies a command, records it in a history, and checks undo gives back the document before it. */
function applyAndUndo(document: Project, command: EditCommandInput): Project {
  const after = apply(document, command);
  const history = new EditHistory<Project>();
  const label = describeCommand(editCommandSchema.parse(command));
  expect(history.record(document, after, label)).toBe(true);
  const undone = history.undo(after);
  if (!undone.ok) throw new Error(`undo failed: ${undone.reason}`);
  expect(undone.label).toBe(label);
  expect(undone.document).toEqual(document);
  return after;
}

describe('setAssetProperties', () => {
  it('sets favourite, cleaned tags, folder and name, and undo restores them', () => {
    const doc = applyAndUndo(fixtureProject(), {
      type: 'setAssetProperties',
      assetId: 'v10',
      favourite: true,
      tags: [' hero ', 'Hero', '', 'night'],
      folder: '  Act 1 ',
      name: ' Opening ',
    });
    expect(doc.assets.v10).toMatchObject({
      favourite: true,
      tags: ['hero', 'night'],
      folder: 'Act 1',
      name: 'Opening',
    });
    expect(doc.assets.v10?.path).toBe('media/v10.mp4');
    const cleared = apply(doc, { type: 'setAssetProperties', assetId: 'v10', folder: ' ' });
    expect(cleared.assets.v10?.folder).toBeNull();
    expect(cleared.assets.v10?.tags).toEqual(['hero', 'night']);
  });

  it('refuses an unknown asset, a blank name and a nested folder', () => {
    const doc = fixtureProject();
    expect(refused(doc, { type: 'setAssetProperties', assetId: 'nope', favourite: true })).toMatch(
      /no asset nope/,
    );
    expect(refused(doc, { type: 'setAssetProperties', assetId: 'v10', name: '  ' })).toMatch(/empty/);
    expect(refused(doc, { type: 'setAssetProperties', assetId: 'v10', folder: 'a/b' })).toMatch(/\//);
  });

  it('labels one-property changes for the undo menu', () => {
    const label = (command: EditCommandInput) => describeCommand(editCommandSchema.parse(command));
    expect(label({ type: 'setAssetProperties', assetId: 'a', favourite: true })).toBe('Mark as favourite');
    expect(label({ type: 'setAssetProperties', assetId: 'a', tags: [] })).toBe('Change tags');
    expect(label({ type: 'setAssetProperties', assetId: 'a', folder: null })).toBe('Move to folder');
    expect(label({ type: 'setAssetProperties', assetId: 'a', name: 'x', tags: [] })).toBe('Change media');
  });
});

describe('named references', () => {
  it('creates, renames and deletes a reference, each undoable', () => {
    let doc = applyAndUndo(fixtureProject(), {
      type: 'createReference',
      id: 'ref1',
      name: ' Mara ',
      assetId: 'still',
    });
    expect(doc.references.ref1).toEqual({ id: 'ref1', name: 'Mara', assetId: 'still' });
    doc = applyAndUndo(doc, { type: 'renameReference', referenceId: 'ref1', name: 'Mara (older)' });
    expect(doc.references.ref1?.name).toBe('Mara (older)');
    doc = applyAndUndo(doc, { type: 'deleteReference', referenceId: 'ref1' });
    expect(doc.references).toEqual({});
    expect(doc.assets.still).toBeDefined();
  });

  it('refuses a video, a blank or taken name, an unknown id, and deleting one a shot uses', () => {
    let doc = apply(fixtureProject(), {
      type: 'createReference',
      id: 'ref1',
      name: 'Mara',
      assetId: 'still',
    });
    expect(refused(doc, { type: 'createReference', name: 'Clip', assetId: 'v10' })).toMatch(/not an image/);
    expect(refused(doc, { type: 'createReference', name: ' ', assetId: 'still' })).toMatch(/needs a name/);
    expect(refused(doc, { type: 'createReference', name: 'mara', assetId: 'still' })).toMatch(/already/);
    expect(refused(doc, { type: 'createReference', id: 'ref1', name: 'B', assetId: 'still' })).toMatch(
      /is used/,
    );
    expect(refused(doc, { type: 'renameReference', referenceId: 'nope', name: 'x' })).toMatch(/no reference/);
    doc = apply(doc, { type: 'createShot', id: 'sh1', fields: { name: 'Alley', referenceIds: ['ref1'] } });
    expect(refused(doc, { type: 'deleteReference', referenceId: 'ref1' })).toMatch(/used by "Alley"/);
    doc = apply(doc, { type: 'updateShot', shotId: 'sh1', fields: { referenceIds: [] } });
    expect(apply(doc, { type: 'deleteReference', referenceId: 'ref1' }).references).toEqual({});
  });
});

describe('setProjectSettings', () => {
  it('sets the budget and the defaults, clears the budget, and undo restores them', () => {
    let doc = applyAndUndo(fixtureProject(), {
      type: 'setProjectSettings',
      budgetCents: 2500,
      defaultRate: { num: 30000, den: 1001 },
      defaultWidth: 1080,
      defaultHeight: 1920,
      defaultSampleRate: 44100,
    });
    expect(doc.settings).toEqual({
      budgetCents: 2500,
      defaultRate: { num: 30000, den: 1001 },
      defaultWidth: 1080,
      defaultHeight: 1920,
      defaultSampleRate: 44100,
    });
    doc = applyAndUndo(doc, { type: 'setProjectSettings', budgetCents: null });
    expect(doc.settings.budgetCents).toBeNull();
    expect(doc.settings.defaultWidth).toBe(1080);
  });

  it('refuses a negative budget, zero or huge sizes, a zero rate and odd sample rates', () => {
    const doc = fixtureProject();
    const bad: EditCommandInput[] = [
      { type: 'setProjectSettings', budgetCents: -1 },
      { type: 'setProjectSettings', defaultWidth: 0 },
      { type: 'setProjectSettings', defaultHeight: 20000 },
      { type: 'setProjectSettings', defaultRate: { num: 0, den: 1 } },
      { type: 'setProjectSettings', defaultRate: { num: 24, den: 0 } },
      { type: 'setProjectSettings', defaultSampleRate: 100 },
    ];
    for (const command of bad) expect(refused(doc, command)).not.toBe('');
  });
});

describe('setSequenceSettings', () => {
  it('renames a sequence and sets ducking, and undo restores them', () => {
    const base = fixtureProject();
    const sequenceId = firstSequence(base).id;
    const doc = applyAndUndo(base, {
      type: 'setSequenceSettings',
      sequenceId,
      name: ' Final cut ',
      ducking: { enabled: true, amountDb: -18 },
    });
    expect(firstSequence(doc)).toMatchObject({
      name: 'Final cut',
      ducking: { enabled: true, amountDb: -18 },
    });
  });

  it('refuses an unknown sequence, a blank name and ducking that is not a cut', () => {
    const doc = fixtureProject();
    const sequenceId = firstSequence(doc).id;
    expect(refused(doc, { type: 'setSequenceSettings', sequenceId: 'nope', name: 'x' })).toMatch(
      /no sequence/,
    );
    expect(refused(doc, { type: 'setSequenceSettings', sequenceId, name: '' })).toMatch(/empty/);
    expect(
      refused(doc, { type: 'setSequenceSettings', sequenceId, ducking: { enabled: true, amountDb: 6 } }),
    ).toMatch(/dB/);
    expect(
      refused(doc, { type: 'setSequenceSettings', sequenceId, ducking: { enabled: true, amountDb: -90 } }),
    ).toMatch(/dB/);
  });
});
