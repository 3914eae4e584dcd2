import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClip, newProject, type Clip, type Project } from '../../../../common/model';
import { serializeDocument } from '../../../../main/services/project/projectFileIo';
import { bundleForChild } from '../../../helpers/bundleForChild';
import { videoAsset, videoTrack } from '../../../helpers/modelFixtures';
import { makeTempDir } from '../../../helpers/tempDir';
import { runChild } from './childProcess';

interface OpenOutcome {
  ok: boolean;
  name?: string;
  schemaVersion?: number;
  sequenceOrder?: string[];
  missingAssetIds?: string[];
  error?: { code: string; message: string; detail?: string };
}

let bundle: string;
let temp: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  bundle = await bundleForChild(join(__dirname, 'projectFaultChild.ts'));
  temp = await makeTempDir('shotloom-open-faults-');
});
afterAll(async () => {
  await temp.remove();
});

async function folderWith(name: string, text: string): Promise<string> {
  const folder = join(temp.path, name);
  await mkdir(join(folder, 'media'), { recursive: true });
  await writeFile(join(folder, 'project.shotloom'), text);
  return folder;
}

/** Opens in a child and checks the file was left byte for byte as it was. */
async function openUntouched(folder: string): Promise<OpenOutcome> {
  const before = await readFile(join(folder, 'project.shotloom'), 'utf8');
  const outcome = await runChild<OpenOutcome>(bundle, 'open', folder);
  expect(await readFile(join(folder, 'project.shotloom'), 'utf8')).toBe(before);
  return outcome;
}

describe('opening damaged, foreign and moved projects (each in a child process)', () => {
  it('refuses malformed JSON with PROJECT_INVALID and leaves the file untouched', async () => {
    const valid = serializeDocument(newProject({ name: 'm' }));
    const folder = await folderWith('malformed', valid.slice(0, valid.length - 40));
    const outcome = await openUntouched(folder);
    expect(outcome.error?.code).toBe('PROJECT_INVALID');
    expect(outcome.error?.message).toMatch(/not valid JSON/);
  });

  it('refuses a file from a newer Shotloom with PROJECT_TOO_NEW', async () => {
    const folder = await folderWith(
      'newer',
      JSON.stringify({ ...newProject({ name: 'n' }), schemaVersion: 7 }),
    );
    const outcome = await openUntouched(folder);
    expect(outcome.error?.code).toBe('PROJECT_TOO_NEW');
    expect(outcome.error?.message).toMatch(/version 7.*up to 1/);
  });

  it('refuses schema problems and broken references with the JSON path of the first problem', async () => {
    const base = newProject({ name: 'r' });
    const sequenceId = base.sequenceOrder[0] as string;
    const withClip: Project = structuredClone(base);
    videoTrack(withClip).items.push(clipOn('ghost'));
    const broken = await openUntouched(await folderWith('dangling', serializeDocument(withClip)));
    expect(broken.error?.code).toBe('PROJECT_INVALID');
    expect(broken.error?.detail).toBe(
      `$.sequences.${sequenceId}.videoTracks[0].items[0].assetId: no asset "ghost"`,
    );

    const badType = structuredClone(base) as unknown as { settings: { defaultWidth: unknown } };
    badType.settings.defaultWidth = 'wide';
    const typed = await openUntouched(await folderWith('badType', JSON.stringify(badType)));
    expect(typed.error?.code).toBe('PROJECT_INVALID');
    expect(typed.error?.detail).toMatch(/^\$\.settings\.defaultWidth: /);

    const noVersion = await openUntouched(
      await folderWith('noVersion', JSON.stringify({ ...base, schemaVersion: 'one' })),
    );
    expect(noVersion.error).toMatchObject({
      code: 'PROJECT_INVALID',
      detail: expect.stringMatching(/^\$\.schemaVersion/),
    });
  });

  it('migrates a version 0 file forward (sequences as an array, no ledger)', async () => {
    const current = newProject({ name: 'old' });
    const { sequences, sequenceOrder: _order, ledger: _ledger, ...rest } = current;
    void _order;
    void _ledger;
    const v0 = { ...rest, schemaVersion: 0, sequences: Object.values(sequences) };
    const outcome = await openUntouched(await folderWith('v0', JSON.stringify(v0)));
    expect(outcome).toMatchObject({
      ok: true,
      name: 'old',
      schemaVersion: 1,
      sequenceOrder: current.sequenceOrder,
    });
  });

  it('opens a project whose media folder was moved with the assets marked missing, and relinks them', async () => {
    const folder = join(temp.path, 'moved');
    await mkdir(join(folder, 'media'), { recursive: true });
    const content = Buffer.from('not really a video, but bytes with a hash');
    await writeFile(join(folder, 'media', 'v10.mp4'), content);
    const asset = {
      ...videoAsset('v10', 240),
      contentHash: createHash('sha256').update(content).digest('hex'),
    };
    asset.media = { ...asset.media, sizeBytes: content.length };
    const project: Project = { ...newProject({ name: 'moved' }), assets: { v10: asset } };
    await writeFile(join(folder, 'project.shotloom'), serializeDocument(project));
    expect(await runChild<OpenOutcome>(bundle, 'open', folder)).toMatchObject({
      ok: true,
      missingAssetIds: [],
    });
    await rename(join(folder, 'media'), join(temp.path, 'media-moved-away'));
    expect(await runChild<OpenOutcome>(bundle, 'open', folder)).toMatchObject({
      ok: true,
      missingAssetIds: ['v10'],
    });
  });
});

function clipOn(assetId: string): Clip {
  return newClip({ id: 'c1', assetId, durationFrames: 10 });
}
