import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenProjectResult, ProjectSnapshot } from '../../../common/contract';
import { makeProjectCore } from '../../helpers/projectCore';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function setup() {
  const fixture = await makeProjectCore();
  cleanups.push(fixture.dispose);
  return fixture;
}

describe('project lifecycle through the project:* channels', () => {
  it('creates a project folder under the projects root with its layout, and reports it with project:get', async () => {
    const { call, dataDir } = await setup();
    const created = await call<OpenProjectResult>('project:new', {
      name: 'Trailer',
      location: { kind: 'projectsRoot', name: 'Trailer' },
    });
    const folder = join(dataDir, 'projects', 'Trailer');
    expect(created.snapshot.folder).toBe(folder);
    expect(created.snapshot.folderName).toBe('Trailer');
    expect(created.snapshot.dirty).toBe(false);
    expect(created.recoveryAvailable).toBeNull();
    expect((await readdir(folder)).sort()).toEqual([
      '.lock',
      'cache',
      'exports',
      'media',
      'project.shotloom',
    ]);
    const onDisk = JSON.parse(await readFile(join(folder, 'project.shotloom'), 'utf8'));
    expect(onDisk.name).toBe('Trailer');
    const got = await call<ProjectSnapshot>('project:get');
    expect(got.document.id).toBe(created.snapshot.document.id);
  });

  it('refuses a path from the renderer (web host) but accepts it from the CLI', async () => {
    const { callResult, dataDir } = await setup();
    const request = { name: 'X', location: { kind: 'path', folder: join(dataDir, 'elsewhere') } };
    const fromWeb = await callResult('project:new', request, 'web');
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const dialog = await callResult('project:new', { name: 'X', location: { kind: 'dialog' } }, 'web');
    expect(dialog).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE_IN_HOST' } });
    const badName = await callResult('project:new', {
      name: 'X',
      location: { kind: 'projectsRoot', name: '../up' },
    });
    expect(badName).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const fromCli = await callResult('project:new', request, 'cli');
    expect(fromCli).toMatchObject({ ok: true });
  });

  it('edits, undoes and redoes with project:changed events, saves atomically and keeps versions', async () => {
    const { call, events, dataDir } = await setup();
    await call('project:new', { name: 'A', location: { kind: 'projectsRoot', name: 'A' } });
    const edited = await call<ProjectSnapshot>('project:edit', {
      command: { type: 'renameProject', name: 'B' },
    });
    expect(edited.document.name).toBe('B');
    expect(edited.dirty).toBe(true);
    expect(edited.canUndo).toBe(true);
    const changes = events.filter((item) => item.event === 'project:changed');
    expect(changes.at(-1)?.payload).toMatchObject({
      label: 'Rename project',
      revision: edited.revision,
      dirty: true,
    });
    const undone = await call<ProjectSnapshot>('project:undo');
    expect(undone.document.name).toBe('A');
    expect(undone.canRedo).toBe(true);
    const redone = await call<ProjectSnapshot>('project:redo');
    expect(redone.document.name).toBe('B');
    const saved = await call<ProjectSnapshot>('project:save');
    expect(saved.dirty).toBe(false);
    const folder = join(dataDir, 'projects', 'A');
    expect(JSON.parse(await readFile(join(folder, 'project.shotloom'), 'utf8')).name).toBe('B');
    expect(await readdir(join(folder, '.history'))).toHaveLength(1);
  });

  it('refuses to close with unsaved changes, closes when told to discard, lists recent projects', async () => {
    const { call, callResult, dataDir } = await setup();
    await call('project:new', { name: 'A', location: { kind: 'projectsRoot', name: 'A' } });
    await call('project:edit', { command: { type: 'renameProject', name: 'C' } });
    expect(await callResult('project:close', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('project:close', { discardChanges: true })).toEqual({ closed: true });
    expect(await call('project:get')).toBeNull();
    const folder = join(dataDir, 'projects', 'A');
    expect(existsSync(join(folder, '.lock'))).toBe(false);
    expect(await call('project:recent')).toEqual([{ folder, folderName: 'A', exists: true }]);
    const reopened = await call<OpenProjectResult>(
      'project:open',
      { location: { kind: 'recent', folder } },
      'web',
    );
    expect(reopened.snapshot.document.name).toBe('A');
    expect(
      await callResult('project:open', { location: { kind: 'recent', folder: '/etc' } }, 'web'),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers PROJECT_NOT_OPEN for edits without a project', async () => {
    const { callResult } = await setup();
    expect(await callResult('project:edit', { command: { type: 'renameProject', name: 'x' } })).toMatchObject(
      {
        ok: false,
        error: { code: 'PROJECT_NOT_OPEN' },
      },
    );
    expect(await callResult('project:edit', { command: { type: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});

describe('save as and new-project guards', () => {
  it('saves as into a new folder with a copy of media/, moving the lock and the recent entry', async () => {
    const { call, callResult, dataDir } = await setup();
    await call('project:new', { name: 'A', location: { kind: 'projectsRoot', name: 'A' } });
    const oldFolder = join(dataDir, 'projects', 'A');
    await writeFile(join(oldFolder, 'media', 'clip.mp4'), 'bytes');
    await call('project:edit', { command: { type: 'renameProject', name: 'A copy' } });
    const saved = await call<ProjectSnapshot>('project:saveAs', {
      location: { kind: 'projectsRoot', name: 'B' },
    });
    const newFolder = join(dataDir, 'projects', 'B');
    expect(saved).toMatchObject({ folder: newFolder, folderName: 'B', dirty: false });
    expect(await readFile(join(newFolder, 'media', 'clip.mp4'), 'utf8')).toBe('bytes');
    expect(JSON.parse(await readFile(join(newFolder, 'project.shotloom'), 'utf8')).name).toBe('A copy');
    expect(JSON.parse(await readFile(join(oldFolder, 'project.shotloom'), 'utf8')).name).toBe('A');
    expect(existsSync(join(oldFolder, '.lock'))).toBe(false);
    expect(existsSync(join(newFolder, '.lock'))).toBe(true);
    expect((await call<{ folder: string }[]>('project:recent')).map((entry) => entry.folder)).toEqual([
      newFolder,
      oldFolder,
    ]);
    // into a folder that already holds something: refused
    expect(
      await callResult('project:saveAs', { location: { kind: 'projectsRoot', name: 'A' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // a new project while this one has unsaved changes: refused before anything is written
    await call('project:edit', { command: { type: 'renameProject', name: 'dirty' } });
    expect(
      await callResult('project:new', { name: 'C', location: { kind: 'projectsRoot', name: 'C' } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(existsSync(join(dataDir, 'projects', 'C'))).toBe(false);
    await call('project:save');
    expect(
      await callResult('project:new', { name: 'A', location: { kind: 'projectsRoot', name: 'A' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
