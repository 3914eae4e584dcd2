import { mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSettingsView, CacheInfo, OpenProjectResult, RenderRecord } from '../../../common/contract';
import { firstSequence, videoAsset } from '../../helpers/modelFixtures';
import { makeProjectCore } from '../../helpers/projectCore';
import { makeTempDir } from '../../helpers/tempDir';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fixture(options: Parameters<typeof makeProjectCore>[0] = {}) {
  const made = await makeProjectCore(options);
  cleanups.push(made.dispose);
  return made;
}

async function openProject(made: Awaited<ReturnType<typeof fixture>>) {
  const opened = await made.call<OpenProjectResult>('project:new', {
    name: 'S',
    location: { kind: 'projectsRoot', name: 'S' },
  });
  return opened.snapshot.folder;
}

const codeOf = (result: unknown) => (result as { ok: boolean; error?: { code: string } }).error?.code;

describe('settings:get / settings:update / settings:ffmpeg', () => {
  it('changes ComfyUI addresses (http/https only) and new-project defaults, never the ffmpeg path', async () => {
    const made = await fixture();
    const initial = await made.call<AppSettingsView>('settings:get');
    expect(initial).toMatchObject({ comfyUrls: ['http://127.0.0.1:8188'], canChooseFfmpeg: false });
    const updated = await made.call<AppSettingsView>(
      'settings:update',
      {
        comfyUrls: ['http://10.0.0.5:8188', 'https://comfy.example.org/', 'http://10.0.0.5:8188'],
        defaults: { width: 1280, height: 720 },
      },
      'web',
    );
    expect(updated.comfyUrls).toEqual(['http://10.0.0.5:8188', 'https://comfy.example.org/']);
    expect(updated.defaults).toMatchObject({ width: 1280, height: 720, rate: { num: 24, den: 1 } });
    expect(made.core.settings.peek().comfyUrls).toEqual(updated.comfyUrls);

    for (const bad of [
      { comfyUrls: ['file:///etc/passwd'] },
      { comfyUrls: ['javascript:alert(1)'] },
      { comfyUrls: ['http://user:secret@10.0.0.5:8188'] },
      { comfyUrls: ['not a url'] },
      { defaults: { width: 0 } },
      { defaults: { sampleRate: -1 } },
      { ffmpegPath: '/bin/sh' },
    ]) {
      expect(codeOf(await made.callResult('settings:update', bad, 'web')), JSON.stringify(bad)).toBe(
        'BAD_REQUEST',
      );
    }
    expect(made.core.settings.peek().ffmpegPath).toBeNull();

    // a new project takes the defaults it was not given
    const folder = await openProject(made);
    expect(folder).toContain('S');
    const sequence = firstSequence(made.core.projects.current().document);
    expect([sequence.width, sequence.height]).toEqual([1280, 720]);
  });

  it('lets only the desktop app choose FFmpeg, through its dialog, and keeps only a working program', async () => {
    const junkDir = await makeTempDir('shotloom-notffmpeg-');
    cleanups.push(junkDir.remove);
    const notAProgram = join(junkDir.path, 'ffmpeg');
    await writeFile(notAProgram, 'not a program');
    let answer: string | null = notAProgram;
    const made = await fixture({ host: 'electron', chooseFfmpegFile: async () => answer });

    expect(codeOf(await made.callResult('settings:ffmpeg', { action: 'choose' }, 'web'))).toBe(
      'NOT_AVAILABLE_IN_HOST',
    );
    expect(codeOf(await made.callResult('settings:ffmpeg', { action: 'choose' }, 'electron'))).toBe(
      'FFMPEG_MISSING',
    );
    expect(made.core.settings.peek().ffmpegPath).toBeNull();
    answer = null;
    expect(
      (await made.call<AppSettingsView>('settings:ffmpeg', { action: 'choose' }, 'electron')).ffmpegPath,
    ).toBe(null);
    expect((await made.call<AppSettingsView>('settings:get', {}, 'electron')).canChooseFfmpeg).toBe(true);

    const withoutDialog = await fixture({ host: 'cli' });
    expect(
      codeOf(await withoutDialog.callResult('settings:ffmpeg', { action: 'automatic' }, 'electron')),
    ).toBe('NOT_AVAILABLE_IN_HOST');
  });
});

describe('media:cacheInfo / media:clearCache', () => {
  it('measures and empties the project cache, never touching what a link points at', async () => {
    const made = await fixture();
    expect(codeOf(await made.callResult('media:cacheInfo'))).toBe('PROJECT_NOT_OPEN');
    const folder = await openProject(made);
    const outside = await makeTempDir('shotloom-outside-');
    cleanups.push(outside.remove);
    await writeFile(join(outside.path, 'keep.bin'), Buffer.alloc(4096));

    const cache = join(folder, 'cache');
    await mkdir(join(cache, 'media', 'abc'), { recursive: true });
    await mkdir(join(cache, 'probe'), { recursive: true });
    await writeFile(join(cache, 'media', 'abc', 'thumbnail.jpg'), Buffer.alloc(1000));
    await writeFile(join(cache, 'probe', 'p.json'), Buffer.alloc(500));
    await symlink(outside.path, join(cache, 'elsewhere'));
    const linkBytes = (await stat(join(cache, 'elsewhere')).then(() => 0)) + outside.path.length;

    const info = await made.call<CacheInfo>('media:cacheInfo');
    expect(info).toEqual({ bytes: 1500 + linkBytes, files: 3 });

    const cleared = await made.call<CacheInfo & { removedBytes: number }>('media:clearCache', {}, 'web');
    expect(cleared).toEqual({ bytes: 0, files: 0, removedBytes: 1500 + linkBytes });
    expect(await readdir(cache)).toEqual([]);
    expect((await stat(join(outside.path, 'keep.bin'))).size).toBe(4096);
  });

  it('refuses a cache/ folder that is a link out of the project', async () => {
    const made = await fixture();
    const folder = await openProject(made);
    const outside = await makeTempDir('shotloom-outside-');
    cleanups.push(outside.remove);
    await writeFile(join(outside.path, 'keep.bin'), 'x');
    const { rm } = await import('node:fs/promises');
    await rm(join(folder, 'cache'), { recursive: true, force: true });
    await symlink(outside.path, join(folder, 'cache'));
    expect(codeOf(await made.callResult('media:clearCache'))).toBe('FORBIDDEN');
    expect(await readdir(outside.path)).toEqual(['keep.bin']);
  });
});

describe('app:revealAsset / app:revealExport', () => {
  it('reveals files named by id through the host capability; hosts without one refuse', async () => {
    const revealed: string[] = [];
    const made = await fixture({ host: 'electron', revealPath: (path) => void revealed.push(path) });
    const folder = await openProject(made);
    await writeFile(join(folder, 'media', 'v10.mp4'), 'video');
    made.core.projects
      .current()
      .update(
        (doc) => ({ ...doc, assets: { v10: videoAsset('v10', 24), gone: videoAsset('gone', 24) } }),
        'Import',
      );

    expect(await made.call('app:revealAsset', { assetId: 'v10' }, 'electron')).toEqual({ revealed: true });
    expect(revealed).toEqual([join(folder, 'media', 'v10.mp4')]);
    expect(codeOf(await made.callResult('app:revealAsset', { assetId: 'gone' }, 'electron'))).toBe(
      'FILE_NOT_FOUND',
    );
    expect(codeOf(await made.callResult('app:revealAsset', { assetId: 'nope' }, 'electron'))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await made.callResult('app:revealAsset', { path: '/etc/passwd' }, 'electron'))).toBe(
      'BAD_REQUEST',
    );

    const exported = join(folder, 'exports', 'cut.mp4');
    await writeFile(exported, 'mp4');
    const record: Partial<RenderRecord> = { jobId: 'rnd_1', ok: true, outputPath: exported };
    await writeFile(join(made.dataDir, 'render-history.json'), JSON.stringify([record]));
    expect(await made.call('app:revealExport', { jobId: 'rnd_1' }, 'electron')).toEqual({ revealed: true });
    expect(revealed.at(-1)).toBe(exported);
    expect(codeOf(await made.callResult('app:revealExport', { jobId: 'rnd_2' }, 'electron'))).toBe(
      'NOT_FOUND',
    );

    const web = await fixture({ host: 'web' });
    await web.call('project:new', { name: 'W', location: { kind: 'projectsRoot', name: 'W' } });
    expect(codeOf(await web.callResult('app:revealAsset', { assetId: 'v10' }, 'web'))).toBe(
      'NOT_AVAILABLE_IN_HOST',
    );
    expect(codeOf(await web.callResult('app:revealExport', { jobId: 'rnd_1' }, 'web'))).toBe(
      'NOT_AVAILABLE_IN_HOST',
    );
  });
});
