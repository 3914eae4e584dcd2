import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectChange, ProjectSnapshot } from '../../../common/contract';
import { firstSequence, videoAsset, videoTrack } from '../../helpers/modelFixtures';
import { makeProjectCore } from '../../helpers/projectCore';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function openProject() {
  const fixture = await makeProjectCore();
  cleanups.push(fixture.dispose);
  await fixture.call('project:new', { name: 'E', location: { kind: 'projectsRoot', name: 'E' } });
  // a service adds an asset (not an undo step)
  fixture.core.projects
    .current()
    .update((doc) => ({ ...doc, assets: { v10: videoAsset('v10', 240) } }), 'Import media');
  return fixture;
}

describe('editing through project:edit', () => {
  it('service updates are not undo steps and survive undo of edits around them', async () => {
    const { call, core, events } = await openProject();
    const snapshot = (await call<ProjectSnapshot>('project:get'))!;
    expect(snapshot.canUndo).toBe(false);
    expect(snapshot.missingAssetIds).toEqual(['v10']);
    const seq = firstSequence(snapshot.document).id;
    const v1 = videoTrack(snapshot.document).id;
    await call('project:edit', {
      command: {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { id: 'c', assetId: 'v10', durationFrames: 24 },
      },
    });
    core.projects.current().update((doc) => ({ ...doc, name: 'Renamed by a service' }), 'Take arrived');
    const undone = await call<ProjectSnapshot>('project:undo');
    expect(videoTrack(undone.document).items).toEqual([]);
    expect(undone.document.name).toBe('Renamed by a service');
    expect(undone.document.assets.v10).toBeDefined();
    expect(undone.canUndo).toBe(false);
    const labels = events
      .filter((item) => item.event === 'project:changed')
      .map((item) => (item.payload as ProjectChange).label);
    expect(labels).toEqual([
      'Open project',
      'Import media',
      'Append clip',
      'Take arrived',
      'Undo Append clip',
    ]);
  });

  it('coalesces a drag into one step and refuses bad edits with EDIT_REFUSED, changing nothing', async () => {
    const { call, callResult } = await openProject();
    const doc = (await call<ProjectSnapshot>('project:get')).document;
    const seq = firstSequence(doc).id;
    const v1 = videoTrack(doc).id;
    await call('project:edit', {
      command: {
        type: 'appendClip',
        sequenceId: seq,
        trackId: v1,
        clip: { id: 'c', assetId: 'v10', durationFrames: 24 },
      },
    });
    for (const frame of [5, 10, 15, 20]) {
      await call('project:edit', {
        command: { type: 'moveClip', sequenceId: seq, itemId: 'c', toTrackId: v1, toFrame: frame },
        coalesceKey: 'drag:c',
      });
    }
    const before = await call<ProjectSnapshot>('project:get');
    const refusedEdit = await callResult('project:edit', {
      command: { type: 'trim', sequenceId: seq, itemId: 'c', edge: 'end', deltaFrames: 500, ripple: true },
    });
    expect(refusedEdit).toMatchObject({ ok: false, error: { code: 'EDIT_REFUSED' } });
    const after = await call<ProjectSnapshot>('project:get');
    expect(after.revision).toBe(before.revision);
    const undone = await call<ProjectSnapshot>('project:undo');
    expect(undone.undoLabel).toBe('Append clip');
    expect(videoTrack(undone.document).items.map((item) => item.type)).toEqual(['clip']);
  });

  it('refuses a service update that breaks a reference, naming the path', async () => {
    const { core } = await openProject();
    expect(() => core.projects.current().update((doc) => ({ ...doc, shotOrder: ['ghost'] }), 'Bad')).toThrow(
      /invalid/,
    );
    try {
      core.projects.current().update((doc) => ({ ...doc, shotOrder: ['ghost'] }), 'Bad');
    } catch (error) {
      expect((error as { code: string; detail: string }).code).toBe('PROJECT_INVALID');
      expect((error as { detail: string }).detail).toContain('$.shotOrder[0]');
    }
  });
});

describe('project:editBatch', () => {
  it('applies several commands as one undo step, or none of them when one is refused', async () => {
    const { call, callResult, events } = await openProject();
    const doc = (await call<ProjectSnapshot>('project:get')).document;
    const seq = firstSequence(doc).id;
    const v1 = videoTrack(doc).id;
    const append = (id: string) => ({
      type: 'appendClip',
      sequenceId: seq,
      trackId: v1,
      clip: { id, assetId: 'v10', durationFrames: 24 },
    });
    const before = events.length;
    const batch = await call<ProjectSnapshot>('project:editBatch', {
      commands: [append('a'), append('b')],
      label: 'Paste',
    });
    expect(videoTrack(batch.document).items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(batch.undoLabel).toBe('Paste');
    expect(events.length - before).toBe(1); // one project:changed for the whole batch
    const refusedBatch = await callResult('project:editBatch', {
      commands: [append('c'), { type: 'lift', sequenceId: seq, itemId: 'ghost' }],
    });
    expect(refusedBatch).toMatchObject({
      ok: false,
      error: { code: 'EDIT_REFUSED', message: expect.stringMatching(/^Edit 2 of 2 \(lift\): /) },
    });
    const unchanged = await call<ProjectSnapshot>('project:get');
    expect(unchanged.revision).toBe(batch.revision);
    const undone = await call<ProjectSnapshot>('project:undo');
    expect(videoTrack(undone.document).items).toEqual([]);
  });
});

describe('ProjectAccess', () => {
  it('reads the document as it is now, and refuses updates once its project was closed', async () => {
    const { call, core } = await openProject();
    const open = core.projects.current();
    await call('project:edit', { command: { type: 'renameProject', name: 'Later' } });
    expect(open.document.name).toBe('Later');
    expect(open.resolvePath('media/a.mp4')).toBe(`${open.folder}/media/a.mp4`);
    await call('project:close', { discardChanges: true });
    expect(core.projects.currentOrNull()).toBeNull();
    expect(() => open.update((doc) => ({ ...doc, name: 'x' }), 'Late job')).toThrow(/closed/);
    expect(() => core.projects.current()).toThrow(expect.objectContaining({ code: 'PROJECT_NOT_OPEN' }));
  });
});
