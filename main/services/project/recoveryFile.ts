import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Project } from '../../../common/model';
import { deepEqual } from '../../../common/model/history/patch';
import { validateDocument } from '../../../common/model/validation/parseProject';
import { projectFilePath, recoveryFilePath } from './projectFolder';
import type { WriteFile } from './projectFileIo';

export interface RecoveryContent {
  savedAt: string;
  revision: number;
  document: Project;
}

/** Writes the unsaved document to `.recovery/autosave.json` (never to the project file). */
export async function writeRecovery(
  folder: string,
  content: RecoveryContent,
  write: WriteFile,
): Promise<void> {
  const path = recoveryFilePath(folder);
  await mkdir(dirname(path), { recursive: true });
  await write(path, JSON.stringify(content));
}

export async function removeRecovery(folder: string): Promise<boolean> {
  try {
    await unlink(recoveryFilePath(folder));
    return true;
  } catch {
    return false;
  }
}

/**
 * The recovery file when it is worth offering: valid, written after the project file, and different
 * from the saved document. Anything else yields null (a damaged recovery file is left for a person).
 */
export async function readOfferableRecovery(folder: string, saved: Project): Promise<RecoveryContent | null> {
  let text: string;
  try {
    text = await readFile(recoveryFilePath(folder), 'utf8');
  } catch {
    return null;
  }
  let content: RecoveryContent;
  try {
    content = JSON.parse(text) as RecoveryContent;
  } catch {
    return null;
  }
  const checked = validateDocument(content.document);
  if (!checked.ok) return null;
  const recoveryTime = Date.parse(content.savedAt);
  const projectTime = await stat(projectFilePath(folder)).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  if (!(recoveryTime >= Math.floor(projectTime) - 1000)) return null;
  if (deepEqual(checked.document, saved)) return null;
  return { savedAt: content.savedAt, revision: content.revision, document: checked.document };
}
