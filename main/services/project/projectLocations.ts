import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import type { ProjectLocation } from '../../../common/contract/channels/project';
import type { CallContext } from '../../core/handlers';
import { projectFolderOf } from './projectFolder';

/** What a folder is chosen for; a host's dialog can word itself by it. */
export type FolderPurpose = 'newProject' | 'openProject' | 'saveProjectAs' | 'relinkSearch' | 'importMedia';

/** A host capability: shows a folder dialog and answers the chosen folder, or null when cancelled. */
export type ChooseFolder = (purpose: FolderPurpose) => Promise<string | null>;

export interface LocationDeps {
  projectsRoot: string;
  chooseFolder?: ChooseFolder;
  isRecent(folder: string): Promise<boolean>;
}

/** A folder chosen through the host, or (CLI only) given as a path. */
export async function folderFromHost(
  kind: 'dialog' | 'path',
  folder: string | undefined,
  purpose: FolderPurpose,
  context: CallContext,
  deps: LocationDeps,
): Promise<string> {
  if (kind === 'path') {
    if (context.host !== 'cli' || folder === undefined) {
      throw new AppError(
        'FORBIDDEN',
        'Only the command line may name a folder by path; choose one in a dialog.',
      );
    }
    return projectFolderOf(folder);
  }
  if (!deps.chooseFolder) {
    throw new AppError(
      'NOT_AVAILABLE_IN_HOST',
      'This host has no folder dialog: use a project under the projects folder, or the command line.',
    );
  }
  const chosen = await deps.chooseFolder(purpose);
  if (chosen === null) throw new AppError('CANCELLED', 'No folder was chosen.');
  return projectFolderOf(chosen);
}

/**
 * A request's location to a project folder, without ever reading a path the renderer made up:
 * a name under the projects root, a folder from the recent list, a host dialog, or a CLI path.
 */
export async function resolveLocation(
  location: ProjectLocation,
  purpose: FolderPurpose,
  context: CallContext,
  deps: LocationDeps,
): Promise<string> {
  switch (location.kind) {
    case 'projectsRoot':
      return join(deps.projectsRoot, location.name);
    case 'recent': {
      const folder = projectFolderOf(location.folder);
      if (!(await deps.isRecent(folder))) {
        throw new AppError('FORBIDDEN', 'That folder is not in the recent projects list.');
      }
      return folder;
    }
    case 'dialog':
      return folderFromHost('dialog', undefined, purpose, context, deps);
    case 'path':
      return folderFromHost('path', location.folder, purpose, context, deps);
  }
}
