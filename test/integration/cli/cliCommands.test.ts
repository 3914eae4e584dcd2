import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudioFile, makeNonMediaFile, makeVideoClip } from '../../helpers/makeMedia';
import { runCliCapture } from '../../helpers/runCliCapture';
import { makeTempDir } from '../../helpers/tempDir';

function frameCount(file: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_packets',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_packets',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(String(out).trim());
}

describe('shotloom CLI commands', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let project: string;
  let clips: string[];

  beforeAll(async () => {
    dir = await makeTempDir('shotloom-cli-');
    process.env.SHOTLOOM_DATA_DIR = join(dir.path, 'data');
    const footage = join(dir.path, 'footage');
    await mkdir(footage);
    clips = [
      await makeVideoClip(footage, { name: 'one.mp4', width: 320, height: 180, rate: 24, frames: 24 }),
      await makeVideoClip(footage, { name: 'two.mp4', width: 320, height: 180, rate: 24, frames: 30 }),
      await makeAudioFile(footage, { name: 'music.wav', seconds: 3 }),
    ];
    project = join(dir.path, 'My film');
  });
  afterAll(async () => {
    delete process.env.SHOTLOOM_DATA_DIR;
    await dir.remove();
  });

  it('new creates a project folder and refuses a bad rate or a non-empty folder', async () => {
    const created = await runCliCapture(['new', project, '--rate', '24', '--size', '320x180', '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json()).toMatchObject({ ok: true, value: { folder: project } });
    const document = JSON.parse(await readFile(join(project, 'project.shotloom'), 'utf8'));
    expect(document).toMatchObject({
      name: 'My film',
      settings: { defaultRate: { num: 24, den: 1 }, defaultWidth: 320 },
    });
    expect((await runCliCapture(['new', join(dir.path, 'x'), '--rate', 'fast'])).code).toBe(2);
    const again = await runCliCapture(['new', project, '--json']);
    expect(again.code).toBe(2);
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('import adds media, reports a corrupt file with its code, and says so in --json', async () => {
    const corrupt = await makeNonMediaFile(join(dir.path, 'footage'), 'broken.mp4');
    const result = await runCliCapture(['import', project, ...clips, corrupt, '--json']);
    expect(result.code).toBe(2);
    const value = (
      result.json() as {
        value: { imported: unknown[]; failed: Array<{ name: string; error: { code: string } }> };
      }
    ).value;
    expect(value.imported).toHaveLength(3);
    expect(value.failed).toEqual([
      expect.objectContaining({
        name: 'broken.mp4',
        error: expect.objectContaining({ code: expect.stringMatching(/MEDIA_CORRUPT|MEDIA_UNSUPPORTED/) }),
      }),
    ]);
    const document = JSON.parse(await readFile(join(project, 'project.shotloom'), 'utf8'));
    expect(Object.keys(document.assets)).toHaveLength(3);
  });

  it('import takes a folder for its media files, subfolders included', async () => {
    const folder = join(dir.path, 'sound roll');
    await mkdir(join(folder, 'day 2'), { recursive: true });
    await makeAudioFile(join(folder, 'day 2'), { name: 'ambience.wav', seconds: 0.4 });
    await makeNonMediaFile(folder, 'notes.txt', 'boom op: Lena');
    const result = await runCliCapture(['import', project, folder, '--json']);
    expect(result.code).toBe(0);
    const value = (result.json() as { value: { imported: Array<{ name: string }>; failed: unknown[] } })
      .value;
    expect(value.imported.map((file) => file.name)).toEqual(['ambience.wav']);
    expect(value.failed).toEqual([]);
  });

  it('a missing project is bad input (exit 2) with a coded error', async () => {
    const result = await runCliCapture(['import', join(dir.path, 'nope'), clips[0]!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error \[(FILE_NOT_FOUND|PROJECT_INVALID|NOT_FOUND)\]/);
  });

  it('render exports the sequence and the frame count matches; a bad preset is refused', async () => {
    // Put both clips on V1 through the same edit commands the UI uses.
    const { createCore } = await import('../../../main/core/createCore');
    const core = await createCore({ host: 'cli', dataDir: join(dir.path, 'data') });
    await core.projects.open(project, false);
    const document = core.projects.current().document;
    const sequence = document.sequences[document.sequenceOrder[0]!]!;
    const videoAssets = Object.values(document.assets).filter((asset) => asset.kind === 'video');
    for (const asset of videoAssets) {
      const result = await core.invoke(
        'project:edit',
        {
          command: {
            type: 'appendClip',
            sequenceId: sequence.id,
            trackId: sequence.videoTracks[0]!.id,
            clip: { assetId: asset.id, durationFrames: 20 },
          },
        },
        { host: 'cli' },
      );
      expect(result.ok).toBe(true);
    }
    await core.projects.save();
    await core.dispose();

    const output = join(dir.path, 'cut.mp4');
    const rendered = await runCliCapture([
      'render',
      project,
      '-o',
      output,
      '--preset',
      'h264-720p',
      '--json',
    ]);
    expect(rendered.code, rendered.stdout + rendered.stderr).toBe(0);
    expect(rendered.json()).toMatchObject({ ok: true, value: { outputPath: output } });
    expect(frameCount(output)).toBe(40);
    const bad = await runCliCapture([
      'render',
      project,
      '-o',
      join(dir.path, 'x.mp4'),
      '--preset',
      'no-such-preset',
      '--json',
    ]);
    expect(bad.code).toBe(2);
    expect((bad.json() as { ok: boolean }).ok).toBe(false);
  });

  it('export refuses an unknown format; help lists every command', async () => {
    const result = await runCliCapture(['export', project, '--format', 'aaf', '-o', join(dir.path, 'x.aaf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format must be otio, fcpxml or edl/);
    const help = await runCliCapture(['--help']);
    for (const command of ['info', 'new', 'import', 'render', 'export', 'serve'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
