import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import { currentSchemaVersion, type Project } from '../../../common/model';
import { parseProjectText } from '../../../common/model/validation/parseProject';
import { writeFileAtomic } from '../../fs/atomicWrite';
import { fileError } from './fileErrors';
import {
  historyFolderName,
  historyLimit,
  projectFileName,
  projectFilePath,
  recoveryFolderName,
} from './projectFolder';

/** How files are written; tests inject failures (ENOSPC) here. */
export type WriteFile = (path: string, data: string) => Promise<void>;
export const defaultWriteFile: WriteFile = (path, data) => writeFileAtomic(path, data);

/** Reads, migrates and validates project text; refusals carry the JSON path of the first problem. */
export function documentFromText(
  text: string,
  source: string,
): { document: Project; migratedFrom: number | null } {
  const outcome = parseProjectText(text);
  if (outcome.ok) return { document: outcome.document, migratedFrom: outcome.migratedFrom };
  if (outcome.reason === 'tooNew') {
    throw new AppError(
      'PROJECT_TOO_NEW',
      `This project was saved by a newer Shotloom (file version ${outcome.version}, this one reads up to ${currentSchemaVersion}). Update Shotloom to open it.`,
      source,
    );
  }
  const what = outcome.reason === 'malformed' ? 'is not valid JSON' : 'is not a valid project';
  throw new AppError(
    'PROJECT_INVALID',
    `The project file ${what} (${outcome.problem.path}: ${outcome.problem.message}). It was left untouched.`,
    `${outcome.problem.path}: ${outcome.problem.message}`,
  );
}

export async function readProjectFile(
  folder: string,
): Promise<{ document: Project; migratedFrom: number | null }> {
  let text: string;
  try {
    text = await readFile(projectFilePath(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('FILE_NOT_FOUND', `There is no ${projectFileName} in ${folder}.`);
    }
    throw fileError(error, 'Reading the project');
  }
  return documentFromText(text, projectFilePath(folder));
}

export function serializeDocument(document: Project): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Saves the document: the version on disk is first kept in `.history/` (a ring of the last 10),
 * then the new text replaces project.shotloom atomically. A failure leaves the previous file whole.
 */
export async function writeProjectFile(
  folder: string,
  document: Project,
  write: WriteFile,
  now: Date,
): Promise<void> {
  const target = projectFilePath(folder);
  const previous = await readFile(target, 'utf8').catch(() => null);
  try {
    if (previous !== null) await keepVersion(folder, previous, write, now);
    await write(target, serializeDocument(document));
  } catch (error) {
    throw fileError(error, 'Saving the project');
  }
}

async function keepVersion(folder: string, text: string, write: WriteFile, now: Date): Promise<void> {
  const historyDir = join(folder, historyFolderName);
  await mkdir(historyDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const existing = (await readdir(historyDir)).filter((name) => name.endsWith('.shotloom')).sort();
  if (existing.at(-1)?.startsWith(stamp)) return;
  // make room first, so the ring never holds more than its limit even if we are stopped midway
  for (const name of existing.slice(0, Math.max(0, existing.length - (historyLimit - 1)))) {
    await unlink(join(historyDir, name)).catch(() => undefined);
  }
  await write(join(historyDir, `${stamp}.shotloom`), text);
}

/** The kept versions, oldest first. */
export async function listVersions(folder: string): Promise<string[]> {
  try {
    return (await readdir(join(folder, historyFolderName)))
      .filter((name) => name.endsWith('.shotloom'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Removes temporary files an interrupted atomic write left behind (`.<name>.<random>.tmp`) in the
 * folder, `.history/` and `.recovery/`. The file they were meant to replace is still whole.
 */
export async function removeStaleTempFiles(folder: string): Promise<number> {
  let removed = 0;
  for (const dir of [folder, join(folder, historyFolderName), join(folder, recoveryFolderName)]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) {
        await unlink(join(dir, name)).then(
          () => (removed += 1),
          () => undefined,
        );
      }
    }
  }
  return removed;
}
