import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVersion, resolveBinary } from '../../../main/ffmpeg/resolveBinaries';
import { makeTempDir } from '../../helpers/tempDir';

/** A shell script that answers -version and -filters like an ffmpeg build would. */
async function fakeBinary(dir: string, name: string, version: string, withXfade: boolean): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const filters = withXfade
    ? ' ... xfade            VV->V      Cross fade one video with another'
    : ' ... fade  V->V  Fade in/out';
  await writeFile(
    path,
    `#!/bin/sh\ncase "$2" in\n  -version) echo "${name} version ${version} Copyright (c) 2000-2024";;\n  -filters) echo "${filters}";;\nesac\n`,
  );
  await chmod(path, 0o755);
  return path;
}

describe('ffmpeg/ffprobe resolution', () => {
  let root: { path: string; remove: () => Promise<void> };
  let dirs: Record<'setting' | 'env' | 'bundled' | 'system' | 'old', string>;

  beforeAll(async () => {
    root = await makeTempDir();
    dirs = {
      setting: join(root.path, 'setting'),
      env: join(root.path, 'env'),
      bundled: join(root.path, 'bundled'),
      system: join(root.path, 'system'),
      old: join(root.path, 'old'),
    };
    await fakeBinary(dirs.setting, 'ffmpeg', '7.1-setting', true);
    await fakeBinary(dirs.env, 'ffmpeg', '7.0-env', true);
    await fakeBinary(dirs.bundled, 'ffmpeg', '6.1-bundled', true);
    await fakeBinary(dirs.system, 'ffmpeg', '5.1-system', true);
    await fakeBinary(dirs.old, 'ffmpeg', '4.1-old', false);
  });
  afterAll(() => root.remove());

  it('prefers the setting, then FFMPEG_PATH, then the bundled binary, then PATH', async () => {
    const env = { FFMPEG_PATH: join(dirs.env, 'ffmpeg'), PATH: dirs.system };
    const all = { settingPath: join(dirs.setting, 'ffmpeg'), env, bundledDir: dirs.bundled };
    expect(await resolveBinary('ffmpeg', all)).toMatchObject({
      source: 'setting',
      version: '7.1-setting',
      problem: null,
    });
    expect(await resolveBinary('ffmpeg', { ...all, settingPath: null })).toMatchObject({
      source: 'environment',
      version: '7.0-env',
    });
    expect(
      await resolveBinary('ffmpeg', { env: { PATH: dirs.system }, bundledDir: dirs.bundled }),
    ).toMatchObject({
      source: 'bundled',
      version: '6.1-bundled',
    });
    expect(
      await resolveBinary('ffmpeg', { env: { PATH: `${dirs.bundled}-nope:${dirs.system}` } }),
    ).toMatchObject({
      source: 'system',
      path: join(dirs.system, 'ffmpeg'),
    });
  });

  it('reports a missing binary with how to fix it', async () => {
    const info = await resolveBinary('ffmpeg', { env: { PATH: join(root.path, 'empty') } });
    expect(info.path).toBeNull();
    expect(info.problem?.code).toBe('FFMPEG_MISSING');
    expect(info.problem?.message).toMatch(/apt-get install ffmpeg/);
  });

  it('reports a setting that points nowhere instead of silently using another binary', async () => {
    const info = await resolveBinary('ffmpeg', {
      settingPath: join(root.path, 'gone', 'ffmpeg'),
      env: { PATH: dirs.system },
    });
    expect(info).toMatchObject({ source: 'setting', problem: { code: 'FFMPEG_MISSING' } });
  });

  it('refuses an ffmpeg without xfade as too old', async () => {
    const info = await resolveBinary('ffmpeg', { env: { PATH: dirs.old } });
    expect(info).toMatchObject({ version: '4.1-old', problem: { code: 'FFMPEG_TOO_OLD' } });
  });

  it('parses the version banner', () => {
    expect(parseVersion('ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024')).toBe('5.1.6-0+deb12u1');
    expect(parseVersion('garbage')).toBeNull();
  });
});
