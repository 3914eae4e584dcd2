import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProject, parseProjectText } from '../../../../common/model';
import { removeStaleTempFiles, serializeDocument } from '../../../../main/services/project/projectFileIo';
import { bundleForChild } from '../../../helpers/bundleForChild';
import { makeTempDir } from '../../../helpers/tempDir';
import { runChild, startChild, waitForExit, waitForLine } from './childProcess';

let bundle: string;
let temp: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  bundle = await bundleForChild(join(__dirname, 'projectFaultChild.ts'));
  temp = await makeTempDir('shotloom-faults-');
});
afterAll(async () => {
  await temp.remove();
});

async function projectFolder(name: string): Promise<string> {
  const folder = join(temp.path, name);
  for (const sub of ['media', 'cache', 'exports']) await mkdir(join(folder, sub), { recursive: true });
  const document = { ...newProject({ name: 'generation 0' }) };
  await writeFile(join(folder, 'project.shotloom'), serializeDocument(document));
  return folder;
}

describe('saving under faults (each in a child process)', () => {
  it('kill -9 at random points of a save leaves the old or the new file, never a torn one (100 runs)', async () => {
    const folder = await projectFolder('killed');
    let survivor = 0;
    let keptOld = 0;
    let tookNew = 0;
    let killedMidWrite = 0;
    for (let run = 1; run <= 100; run += 1) {
      // run r saves generations r*1000+1, r*1000+2, …: the file must hold the last survivor or one of these
      const child = startChild(bundle, 'saveLoop', folder, String(run * 1000 + 1));
      await waitForLine(child, 'ready');
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 30)));
      child.kill('SIGKILL');
      await waitForExit(child);
      const text = await readFile(join(folder, 'project.shotloom'), 'utf8');
      const parsed = parseProjectText(text);
      if (!parsed.ok) throw new Error(`run ${run}: torn or invalid project file (${text.length} bytes)`);
      const generation = Number(/^generation (\d+)$/.exec(parsed.document.name)?.[1]);
      const isOld = generation === survivor;
      const isNew = generation > run * 1000 && generation < (run + 1) * 1000;
      expect(isOld || isNew).toBe(true);
      if (isOld) keptOld += 1;
      else tookNew += 1;
      survivor = generation;
      const versions = (await readdir(join(folder, '.history')).catch(() => [] as string[])).filter((name) =>
        name.endsWith('.shotloom'),
      );
      for (const name of versions) {
        expect(parseProjectText(await readFile(join(folder, '.history', name), 'utf8')).ok).toBe(true);
      }
      // what opening the project does first: sweep the temp files of interrupted writes
      if ((await removeStaleTempFiles(folder)) > 0) killedMidWrite += 1;
    }
    expect(tookNew).toBeGreaterThan(0);
    // the ring keeps 10 (9 when the last kill fell between pruning and writing)
    const kept = (await readdir(join(folder, '.history'))).length;
    expect(kept).toBeGreaterThanOrEqual(9);
    expect(kept).toBeLessThanOrEqual(10);
    console.log(
      `kill -9 x100: ${tookNew} runs left a new version, ${keptOld} the old one, ${killedMidWrite} were killed mid-write; never torn`,
    );
  }, 120_000);

  it('a full disk (ENOSPC) gives DISK_FULL, keeps the changes unsaved, and leaves the previous file intact', async () => {
    const folder = await projectFolder('full');
    const before = await readFile(join(folder, 'project.shotloom'), 'utf8');
    const result = await runChild<{
      ok: boolean;
      error?: { code: string; message: string };
      dirty?: boolean;
    }>(bundle, 'diskFull', folder);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('DISK_FULL');
    expect(result.error?.message).toMatch(/disk is full/);
    expect(result.dirty).toBe(true);
    expect(await readFile(join(folder, 'project.shotloom'), 'utf8')).toBe(before);
    // opening it again finds the previous version and sweeps the half-written temp file
    const reopened = await runChild<{ ok: boolean; name?: string }>(bundle, 'open', folder);
    expect(reopened).toMatchObject({ ok: true, name: 'generation 0' });
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
