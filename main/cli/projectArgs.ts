import { AppError } from '../../common/contract';
import type { Project, Sequence } from '../../common/model';
import type { Core } from '../core/createCore';
import type { OpenProject } from '../services/project/projectAccess';
import { usageError } from './output';

/** Opens the project a command names (a folder or its project.shotloom). */
export async function openProjectArgument(core: Core, path: string | undefined): Promise<OpenProject> {
  if (!path) throw usageError('Name the project folder (or its project.shotloom file).');
  await core.projects.open(path, false);
  return core.projects.current();
}

/** A sequence by id or name; the first sequence when none is named. */
export function pickSequence(document: Project, wanted: string | undefined): Sequence {
  const sequences = document.sequenceOrder
    .map((id) => document.sequences[id])
    .filter((sequence): sequence is Sequence => sequence !== undefined);
  if (!wanted) {
    const first = sequences[0];
    if (!first) throw new AppError('NOT_FOUND', 'This project has no sequence.');
    return first;
  }
  const found =
    sequences.find((sequence) => sequence.id === wanted) ??
    sequences.filter((sequence) => sequence.name === wanted);
  if (Array.isArray(found)) {
    if (found.length === 1) return found[0]!;
    if (found.length > 1)
      throw usageError(
        `More than one sequence is named "${wanted}": use its id (${found.map((sequence) => sequence.id).join(', ')}).`,
      );
    throw new AppError(
      'NOT_FOUND',
      `No sequence "${wanted}". Sequences: ${sequences.map((sequence) => `${sequence.name} (${sequence.id})`).join(', ')}.`,
    );
  }
  return found;
}
