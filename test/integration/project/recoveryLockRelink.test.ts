import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenProjectResult, ProjectSnapshot } from '../../../common/contract';
import { bundleForChild } from '../../helpers/bundleForChild';
import { videoAsset } from '../../helpers/modelFixtures';
import { makeProjectCore } from '../../helpers/projectCore';
import { makeTempDir } from '../../helpers/tempDir';
import { startChild, waitForExit, waitForLine } from './faults/childProcess';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function core(options: Parameters<typeof makeProjectCore>[0] = {}) {
  const fixture = await makeProjectCore(options);
  cleanups.push(fixture.dispose);
  return fixture;
}

async function sharedFolder(): Promise<string> {
  const dir = await makeTempDir('shotloom-shared-');
  cleanups.push(dir.remove);
  return join(dir.path, 'Film');
}

describe('autosave and recovery', () => {
  it('autosaves unsaved changes to a recovery file and offers it on the next open, never applying it silently', async () => {
    const folder = await sharedFolder();
    const first = await core({ autosaveIntervalMs: 40 });
    await first.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    await first.call('project:edit', { command: { type: 'renameProject', name: 'Unsaved title' } });
    const recoveryFile = join(folder, '.recovery', 'autosave.json');
    const deadline = Date.now() + 5000;
    while (!existsSync(recoveryFile) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse(await readFile(recoveryFile, 'utf8')).document.name).toBe('Unsaved title');
    // the project file still holds the saved version
    expect(JSON.parse(await readFile(join(folder, 'project.shotloom'), 'utf8')).name).toBe('Film');
    await first.core.dispose(); // like a crash after the autosave: the lock goes, the recovery file stays

    const second = await core();
    const opened = await second.call<OpenProjectResult>('project:open', {
      location: { kind: 'path', folder },
    });
    expect(opened.snapshot.document.name).toBe('Film');
    expect(opened.recoveryAvailable).not.toBeNull();
    const recovered = await second.call<ProjectSnapshot>('project:recover');
    expect(recovered.document.name).toBe('Unsaved title');
    expect(recovered.dirty).toBe(true);
    await second.call('project:save');
    expect(existsSync(recoveryFile)).toBe(false);
  });

  it('tells every window when an autosave fails, and again when a later one succeeds', async () => {
    const folder = await sharedFolder();
    const fixture = await core();
    await fixture.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    await fixture.call('project:edit', { command: { type: 'renameProject', name: 'Draft' } });
    // A real write failure: a file stands where the recovery folder goes.
    await rm(join(folder, '.recovery'), { recursive: true, force: true });
    await writeFile(join(folder, '.recovery'), 'not a folder');
    await expect(fixture.core.projects.autosave()).rejects.toThrow(/^Autosave failed/);
    const autosaved = () =>
      fixture.events
        .filter((entry) => entry.event === 'project:autosaved')
        .map((entry) => entry.payload as { folder: string; error: { code: string; message: string } | null });
    expect(autosaved()).toEqual([
      {
        folder,
        at: expect.any(String),
        error: expect.objectContaining({ code: 'FILE_UNREADABLE', message: 'Autosave failed.' }),
      },
    ]);

    await rm(join(folder, '.recovery'));
    expect(await fixture.core.projects.autosave()).toBe(true);
    expect(autosaved().at(-1)).toEqual({ folder, at: expect.any(String), error: null });
    expect(existsSync(join(folder, '.recovery', 'autosave.json'))).toBe(true);
  });

  it('discards a recovery file on request, and does not offer one that equals the saved project', async () => {
    const folder = await sharedFolder();
    const first = await core();
    await first.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    await first.call('project:edit', { command: { type: 'renameProject', name: 'Draft' } });
    expect(await first.core.projects.autosave()).toBe(true);
    expect(await first.core.projects.autosave()).toBe(false); // nothing new since
    await first.call('project:close', { discardChanges: false }).catch(() => undefined);
    await first.core.dispose();

    const second = await core();
    const opened = await second.call<OpenProjectResult>('project:open', {
      location: { kind: 'path', folder },
    });
    expect(opened.recoveryAvailable).not.toBeNull();
    expect(await second.call('project:discardRecovery')).toEqual({ discarded: true });
    expect(await second.callResult('project:recover')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await second.call('project:close', {});
    const again = await second.call<OpenProjectResult>('project:open', {
      location: { kind: 'path', folder },
    });
    expect(again.recoveryAvailable).toBeNull();
  });
});

describe('the project lock', () => {
  it('warns a second core with PROJECT_LOCKED naming the holder, and lets it take over when asked', async () => {
    const folder = await sharedFolder();
    const first = await core();
    await first.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    const second = await core();
    const refused = await second.callResult('project:open', { location: { kind: 'path', folder } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROJECT_LOCKED' } });
    if (!refused.ok) expect(refused.error.message).toContain(`process ${process.pid} on ${hostname()}`);
    expect(
      await second.callResult('project:open', { location: { kind: 'path', folder }, takeOverLock: true }),
    ).toMatchObject({ ok: true });
  });

  it('is held by another live process and taken over once that process is dead (stale lock)', async () => {
    const folder = await sharedFolder();
    const creator = await core();
    await creator.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    await creator.call('project:close', {});
    const bundle = await bundleForChild(join(__dirname, 'faults', 'projectFaultChild.ts'));
    const holder = startChild(bundle, 'hold', folder);
    await waitForLine(holder, 'ready');
    const other = await core();
    const locked = await other.callResult('project:open', { location: { kind: 'path', folder } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'PROJECT_LOCKED' } });
    if (!locked.ok) expect(locked.error.message).toContain(`process ${holder.pid}`);
    holder.kill('SIGKILL');
    await waitForExit(holder);
    expect(JSON.parse(await readFile(join(folder, '.lock'), 'utf8')).pid).toBe(holder.pid); // left behind
    expect(await other.callResult('project:open', { location: { kind: 'path', folder } })).toMatchObject({
      ok: true,
    });
    expect(JSON.parse(await readFile(join(folder, '.lock'), 'utf8')).pid).toBe(process.pid);
  });

  it('treats a lock of a pid that never existed here as stale', async () => {
    const folder = await sharedFolder();
    const creator = await core();
    await creator.call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    await creator.call('project:close', {});
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(
      join(folder, '.lock'),
      JSON.stringify({
        pid: dead.pid,
        hostname: hostname(),
        instance: 'gone',
        host: 'cli',
        openedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const other = await core();
    expect(await other.callResult('project:open', { location: { kind: 'path', folder } })).toMatchObject({
      ok: true,
    });
  });
});

describe('missing media and relinking', () => {
  it('reports missing assets in project:get and relinks them from a folder by size and hash, even renamed', async () => {
    const folder = await sharedFolder();
    const { call, callResult, core: projectCore } = await core();
    await call('project:new', { name: 'Film', location: { kind: 'path', folder } });
    const bytes = (seed: string) => Buffer.from(`${seed} `.repeat(100));
    const assets = ['shot1', 'shot2'].map((id) => {
      const content = bytes(id);
      const asset = videoAsset(id, 240);
      return {
        ...asset,
        contentHash: createHash('sha256').update(content).digest('hex'),
        media: { ...asset.media, sizeBytes: content.length },
        content,
      };
    });
    for (const asset of assets) await writeFile(join(folder, 'media', `${asset.id}.mp4`), asset.content);
    projectCore.projects.current().update(
      (doc) => ({
        ...doc,
        assets: Object.fromEntries(assets.map(({ content: _content, ...asset }) => [asset.id, asset])),
      }),
      'Import media',
    );
    expect((await call<ProjectSnapshot>('project:get')).missingAssetIds).toEqual([]);
    // the files move elsewhere; one is renamed; a decoy with shot1's name but other content sits beside them
    const elsewhere = join(folder, '..', 'backup', 'deep');
    await mkdir(elsewhere, { recursive: true });
    await rename(join(folder, 'media', 'shot1.mp4'), join(elsewhere, 'renamed.mp4'));
    await rename(join(folder, 'media', 'shot2.mp4'), join(elsewhere, 'shot2.mp4'));
    await writeFile(
      join(folder, '..', 'backup', 'shot1.mp4'),
      bytes('decoy').subarray(0, assets[0]!.content.length),
    );
    await call('project:save');
    await call('project:close', {});
    const reopened = await call<OpenProjectResult>('project:open', { location: { kind: 'path', folder } });
    expect(reopened.snapshot.missingAssetIds).toEqual(['shot1', 'shot2']);

    expect(
      await callResult(
        'project:relink',
        { assetId: 'shot1', searchIn: { kind: 'path', folder: join(folder, '..', 'backup') } },
        'web',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await callResult('project:relink', { assetId: 'shot1', searchIn: { kind: 'projectFolder' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_MISSING' },
    });
    const relinked = await call<{ relinkedAssetIds: string[]; stillMissingAssetIds: string[] }>(
      'project:relink',
      {
        assetId: 'shot1',
        searchIn: { kind: 'path', folder: join(folder, '..', 'backup') },
      },
    );
    expect(relinked).toEqual({ relinkedAssetIds: ['shot1', 'shot2'], stillMissingAssetIds: [] });
    const snapshot = await call<ProjectSnapshot>('project:get');
    expect(snapshot.missingAssetIds).toEqual([]);
    expect(snapshot.document.assets.shot1).toMatchObject({
      path: join(elsewhere, 'renamed.mp4'),
      storage: 'linked',
    });
    expect(snapshot.canUndo).toBe(false); // relinking is not an undo step
  });
});
