import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderImportLimit, mediaFilesInFolder } from '../../../main/services/media/mediaFilesInFolder';
import { makeAudioFile, makeImage, makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';
import { startMediaCore, type MediaTestCore } from './mediaCore';

describe('importing a folder of media (the host folder dialog)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let footage: string;
  let chosen: string | null = null;
  let media: MediaTestCore;

  beforeAll(async () => {
    temp = await makeTempDir('shotloom-folder-import-');
    footage = join(temp.path, 'Day 1 footage');
    await mkdir(join(footage, 'sound', 'room tone'), { recursive: true });
    await mkdir(join(footage, '.cache'), { recursive: true });
    await makeVideoClip(footage, { name: 'take 1.mp4', frames: 12 });
    await writeFile(join(footage, 'notes.txt'), 'call sheet');
    await makeAudioFile(footage, { name: '.hidden.wav', seconds: 0.2 });
    await makeAudioFile(join(footage, '.cache'), { name: 'cached.wav', seconds: 0.2 });
    await makeAudioFile(join(footage, 'sound'), { name: 'boom.wav', seconds: 0.3 });
    await makeImage(join(footage, 'sound', 'room tone'), { name: 'SLATE.PNG' });
    // The dialog is the host's: here a stand-in that answers what the "user" chose.
    media = await startMediaCore({ chooseFolder: async () => chosen });
  });
  afterAll(async () => {
    await media.stop();
    await temp.remove();
  });

  it('imports every media file of the folder and its subfolders, skipping hidden and non-media files', async () => {
    chosen = footage;
    const result = await media.call('media:import', { source: { kind: 'folderDialog' }, storage: 'copy' });
    expect(result.failed).toEqual([]);
    expect(result.assets.map((asset) => [asset.name, asset.kind]).sort()).toEqual([
      ['SLATE.PNG', 'image'],
      ['boom.wav', 'audio'],
      ['take 1.mp4', 'video'],
    ]);
    const document = (await media.call('project:get', {}))!.document;
    expect(Object.keys(document.assets)).toHaveLength(3);
  });

  it('imports nothing when the dialog is cancelled', async () => {
    chosen = null;
    const result = await media.call('media:import', { source: { kind: 'folderDialog' }, storage: 'copy' });
    expect(result.imported).toEqual([]);
  });

  it('answers NOT_AVAILABLE_IN_HOST in a host without a folder dialog', async () => {
    const plain = await startMediaCore();
    try {
      const answer = await plain.result('media:import', {
        source: { kind: 'folderDialog' },
        storage: 'copy',
      });
      expect(answer.ok ? null : answer.error.code).toBe('NOT_AVAILABLE_IN_HOST');
    } finally {
      await plain.stop();
    }
  });

  it(`refuses a folder of more than ${folderImportLimit} media files before importing any`, async () => {
    const crowded = join(temp.path, 'crowded');
    await mkdir(crowded);
    for (let index = 0; index <= folderImportLimit; index += 1)
      await writeFile(join(crowded, `clip${index}.wav`), '');
    await expect(mediaFilesInFolder(crowded)).rejects.toMatchObject({ code: 'MEDIA_FOLDER_TOO_LARGE' });
    await expect(mediaFilesInFolder(join(temp.path, 'nowhere'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });
});
