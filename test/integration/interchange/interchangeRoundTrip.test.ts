import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterchangeImportResult } from '../../../common/contract/channels/interchange';
import type { ProjectSnapshot } from '../../../common/contract/channels/project';
import type { Project, Sequence } from '../../../common/model';
import { runCli } from '../../../main/cli/index';
import { createCore, type Core } from '../../../main/core/createCore';
import { linkFilesInPlace } from '../../../main/services/interchange/linkFilesInPlace';
import { makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

const rate = { num: 30000, den: 1001 };

async function call<T>(core: Core, channel: string, request: unknown): Promise<T> {
  const result = await core.invoke(channel, request, { host: 'cli' });
  if (!result.ok)
    throw new Error(`${channel}: ${result.error.code} ${result.error.message} ${result.error.detail ?? ''}`);
  return result.value as T;
}

/** Cuts by asset name, so sequences in different projects compare. */
function cutsByName(project: Project, sequence: Sequence) {
  const describe = (track: Sequence['videoTracks'][number]) =>
    track.items.map((item) =>
      item.type === 'clip'
        ? {
            clip: project.assets[item.assetId]!.name,
            sourceIn: item.sourceIn,
            durationFrames: item.durationFrames,
          }
        : item.type === 'gap'
          ? { gap: item.durationFrames }
          : { transition: item.kind, durationFrames: item.durationFrames },
    );
  return {
    rate: sequence.rate,
    video: sequence.videoTracks.map(describe),
    audio: sequence.audioTracks.filter((track) => track.items.length > 0).map(describe),
    markers: sequence.markers.map((marker) => marker.frame),
  };
}

function output() {
  let text = '';
  return {
    stream: new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) }),
    text: () => text,
  };
}

describe('interchange on real media (29.97 fps, drop-frame)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let projectFolder: string;
  let media: string[];
  let original: { project: Project; sequence: Sequence };

  beforeAll(async () => {
    dir = await makeTempDir('shotloom-interchange-');
    process.env.SHOTLOOM_DATA_DIR = join(dir.path, 'data');
    const mediaDir = join(dir.path, 'footage');
    await mkdir(mediaDir);
    media = [
      await makeVideoClip(mediaDir, {
        name: 'kite.mp4',
        width: 320,
        height: 180,
        rate: '30000/1001',
        frames: 60,
      }),
      await makeVideoClip(mediaDir, {
        name: 'dunes.mp4',
        width: 320,
        height: 180,
        rate: '30000/1001',
        // A different length, so its content (and hash) differs from kite.mp4's.
        frames: 66,
      }),
      await makeVideoClip(mediaDir, {
        name: 'sea.mp4',
        width: 320,
        height: 180,
        rate: '30000/1001',
        frames: 45,
      }),
      await makeAudioFile(mediaDir, { name: 'music.wav', seconds: 6 }),
    ];
    projectFolder = join(dir.path, 'Kite film');
    const core = await createCore({ host: 'cli', dataDir: join(dir.path, 'data') });
    await call(core, 'project:new', {
      name: 'Kite film',
      location: { kind: 'path', folder: projectFolder },
      rate,
      width: 320,
      height: 180,
    });
    const assets = await linkFilesInPlace(core.projects, core.binaries)(media);
    const id = (name: string) => [...assets.values()].find((asset) => asset.name === name)!.id;
    let snapshot = await call<ProjectSnapshot>(core, 'project:get', {});
    const sequence = snapshot.document.sequences[snapshot.document.sequenceOrder[0]!]!;
    const v1 = sequence.videoTracks[0]!.id;
    const a2 = sequence.audioTracks[1]!.id;
    const edit = (command: Record<string, unknown>) =>
      call<ProjectSnapshot>(core, 'project:edit', { command: { sequenceId: sequence.id, ...command } });
    await edit({
      type: 'appendClip',
      trackId: v1,
      clip: { id: 'c1', assetId: id('kite.mp4'), sourceIn: 4, durationFrames: 40 },
    });
    await edit({
      type: 'appendClip',
      trackId: v1,
      clip: { id: 'c2', assetId: id('dunes.mp4'), sourceIn: 10, durationFrames: 36 },
    });
    await edit({
      type: 'appendClip',
      trackId: v1,
      clip: { id: 'c3', assetId: id('sea.mp4'), sourceIn: 0, durationFrames: 30 },
    });
    await edit({ type: 'addTransition', leftItemId: 'c1', kind: 'dissolve', durationFrames: 8 });
    await edit({
      type: 'appendClip',
      trackId: a2,
      clip: { id: 'm1', assetId: id('music.wav'), sourceIn: 4800, durationFrames: 90 },
    });
    snapshot = await edit({ type: 'addMarker', marker: { frame: 50, name: 'Beat' } });
    await call(core, 'project:save', {});
    original = { project: snapshot.document, sequence: snapshot.document.sequences[sequence.id]! };
    await core.dispose();
  });
  afterAll(async () => {
    delete process.env.SHOTLOOM_DATA_DIR;
    await dir.remove();
  });

  for (const format of ['otio', 'fcpxml', 'edl'] as const) {
    it(`shotloom export --format ${format} writes a file that imports back to the same cuts`, async () => {
      const file = join(dir.path, `cut.${format}`);
      const out = output();
      const code = await runCli(['export', projectFolder, '--format', format, '-o', file, '--json'], {
        stdout: out.stream,
        stderr: out.stream,
      });
      expect(code, out.text()).toBe(0);
      expect(JSON.parse(out.text())).toMatchObject({ ok: true, value: { format, outputPath: file } });
      const core = await createCore({ host: 'cli', dataDir: join(dir.path, 'data') });
      try {
        await call(core, 'project:open', { location: { kind: 'path', folder: projectFolder } });
        const result = await call<InterchangeImportResult>(core, 'interchange:import', {
          fileName: basename(file),
          content: await readFile(file, 'utf8'),
        });
        expect(result.missingClips).toBe(0);
        const snapshot = await call<ProjectSnapshot>(core, 'project:get', {});
        const imported = snapshot.document.sequences[result.sequenceId]!;
        const expected = cutsByName(original.project, original.sequence);
        const actual = cutsByName(snapshot.document, imported);
        if (format === 'edl') {
          expect(actual.video).toEqual(expected.video);
        } else {
          expect(result.notCarried).toEqual([]);
          expect(actual).toEqual(expected);
        }
        await call(core, 'project:close', { discardChanges: true });
      } finally {
        await core.dispose();
      }
    });
  }

  it('links media by name in a chosen folder when the paths no longer exist', async () => {
    const core = await createCore({ host: 'cli', dataDir: join(dir.path, 'data') });
    try {
      await call(core, 'project:open', { location: { kind: 'path', folder: projectFolder } });
      const exported = await call<{ outputPath: string }>(core, 'interchange:export', {
        sequenceId: original.sequence.id,
        format: 'fcpxml',
      });
      expect(exported.outputPath).toBe(join(projectFolder, 'exports', `${original.sequence.name}.fcpxml`));
      const content = await readFile(exported.outputPath, 'utf8');
      await call(core, 'project:close', { discardChanges: true });
      const moved = join(dir.path, 'moved footage');
      await rename(join(dir.path, 'footage'), moved);
      await call(core, 'project:new', {
        name: 'Second',
        location: { kind: 'path', folder: join(dir.path, 'Second') },
        rate,
      });
      const missing = await call<InterchangeImportResult>(core, 'interchange:import', {
        fileName: 'cut.fcpxml',
        content,
      });
      expect(missing.missingClips).toBe(4);
      expect(missing.notCarried.join('\n')).toMatch(/media not found .*kite\.mp4/);
      const found = await call<InterchangeImportResult>(core, 'interchange:import', {
        fileName: 'cut.fcpxml',
        content,
        searchIn: { kind: 'path', folder: moved },
      });
      expect(found).toMatchObject({ missingClips: 0, importedFiles: 4, linkedClips: 4 });
      const snapshot = await call<ProjectSnapshot>(core, 'project:get', {});
      expect(cutsByName(snapshot.document, snapshot.document.sequences[found.sequenceId]!)).toEqual(
        cutsByName(original.project, original.sequence),
      );
      await call(core, 'project:close', { discardChanges: true });
    } finally {
      await core.dispose();
    }
  });

  it('a browser host may not name a search folder by path', async () => {
    const core = await createCore({ host: 'web', dataDir: join(dir.path, 'data') });
    try {
      const result = await core.invoke(
        'interchange:import',
        { fileName: 'x.otio', content: '{}', searchIn: { kind: 'path', folder: '/etc' } },
        { host: 'web' },
      );
      expect(result.ok).toBe(false);
    } finally {
      await core.dispose();
    }
  });
});
