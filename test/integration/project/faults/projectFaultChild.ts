/**
 * Runs one fault scenario of the project store in its own process (bundled by the fault tests):
 *   saveLoop <folder> <n>        saves versions n, n+1, … until killed; prints "ready" first
 *   diskFull <folder>            opens, edits, saves through a writer that fails with ENOSPC
 *   open <folder>                opens the project and prints the snapshot facts or the error
 *   hold <folder>                opens (taking the lock) and waits to be killed
 * Results are printed as one JSON line.
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toErrorShape } from '../../../../common/contract/appError';
import { newProject, type Project } from '../../../../common/model';
import { writeFileAtomic } from '../../../../main/fs/atomicWrite';
import { writeProjectFile } from '../../../../main/services/project/projectFileIo';
import { ProjectService } from '../../../../main/services/project/projectService';

const [scenario, folder, firstGeneration] = process.argv.slice(2) as [string, string, string | undefined];

function service(writeFile?: (path: string, data: string) => Promise<void>): ProjectService {
  let recent: string[] = [];
  return new ProjectService({
    emit: () => undefined,
    host: 'cli',
    autosaveIntervalMs: 0,
    recent: { load: async () => recent, save: async (folders) => void (recent = folders) },
    ...(writeFile ? { writeFile } : {}),
  });
}

/** Version n of a document: its name says n; odd versions are much larger, so writes take longer. */
function version(base: Project, n: number): Project {
  const shots = n % 2 === 1 ? 400 : 3;
  const doc: Project = { ...base, name: `generation ${n}`, shots: {}, shotOrder: [] };
  for (let index = 0; index < shots; index += 1) {
    const id = `sh_${n}_${index}`;
    doc.shots[id] = {
      id,
      name: `Shot ${index}`,
      prompt: 'x'.repeat(200),
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: null,
      audio: false,
      model: { provider: 'animatic', model: 'animatic' },
      takeIds: [],
      selectedTakeId: null,
      promptHistory: [],
    };
    doc.shotOrder.push(id);
  }
  return doc;
}

async function main(): Promise<void> {
  switch (scenario) {
    case 'saveLoop': {
      const base = newProject({ name: 'x', now: new Date('2026-01-01T00:00:00Z') });
      process.stdout.write('ready\n');
      for (let n = Number(firstGeneration ?? 1); ; n += 1) {
        await writeProjectFile(
          folder,
          version(base, n),
          (path, data) => writeFileAtomic(path, data),
          new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n)),
        );
      }
    }
    case 'diskFull': {
      let failing = false;
      const projects = service(async (path, data) => {
        if (failing && path.endsWith('project.shotloom')) {
          // what a full disk does to a write: part of the temp file lands, then ENOSPC
          await writeFile(
            join(dirname(path), `.${basename(path)}.0123456789ab.tmp`),
            data.slice(0, data.length / 2),
          );
          const error = new Error(
            `ENOSPC: no space left on device, write '${path}'`,
          ) as NodeJS.ErrnoException;
          error.code = 'ENOSPC';
          throw error;
        }
        await writeFileAtomic(path, data);
      });
      await projects.open(folder, false);
      projects.edit({ type: 'renameProject', name: 'unsaved rename' });
      failing = true;
      try {
        await projects.save();
        console.log(JSON.stringify({ ok: true }));
      } catch (error) {
        console.log(
          JSON.stringify({ ok: false, error: toErrorShape(error), dirty: projects.snapshot()?.dirty }),
        );
      }
      await projects.dispose();
      return;
    }
    case 'open': {
      const projects = service();
      try {
        const opened = await projects.open(folder, false);
        console.log(
          JSON.stringify({
            ok: true,
            name: opened.snapshot.document.name,
            schemaVersion: opened.snapshot.document.schemaVersion,
            sequenceOrder: opened.snapshot.document.sequenceOrder,
            missingAssetIds: opened.snapshot.missingAssetIds,
          }),
        );
      } catch (error) {
        console.log(JSON.stringify({ ok: false, error: toErrorShape(error) }));
      }
      await projects.dispose();
      return;
    }
    case 'hold': {
      const projects = service();
      await projects.open(folder, false);
      process.stdout.write('ready\n');
      setInterval(() => undefined, 1000);
      return;
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ ok: false, crashed: String(error) }));
  process.exitCode = 1;
});
