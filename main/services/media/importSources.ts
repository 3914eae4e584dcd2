import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../common/contract';
import type { ImportFolderListing, ImportSource } from '../../../common/contract/channels/media';
import type { CallContext } from '../../core/handlers';
import type { ChooseFolder } from '../project/projectLocations';
import type { ImportCandidate } from './importMedia';
import { importExtensions } from '../../../common/media/mediaTypes';
import { mediaFilesInFolder } from './mediaFilesInFolder';
import type { UploadStore } from './uploadStore';

/** The host's open-file dialog: absolute paths the user chose, [] when cancelled. */
export type PickFiles = (options: {
  title: string;
  extensions: string[];
  multiple: boolean;
}) => Promise<string[]>;

export interface ImportSourceDeps {
  pickFiles?: PickFiles;
  /** The host's folder dialog, when it has one. */
  chooseFolder?: ChooseFolder;
  uploads: UploadStore;
  /** `<dataDir>/import`: files put there can be imported from the browser host without uploading. */
  importFolder: string;
}

/** A file the user named that could not even be handed to the import (an unknown upload id, say). */
export interface UnavailableSource {
  name: string;
  error: AppError;
}

async function insideImportFolder(folder: string, name: string): Promise<string> {
  const folderReal = await realpath(folder).catch(() => {
    throw new AppError('FILE_NOT_FOUND', `The import folder ${folder} does not exist.`);
  });
  const candidate = join(folderReal, name);
  const real = await realpath(candidate).catch(() => {
    throw new AppError('FILE_NOT_FOUND', `There is no file ${name} in the import folder.`);
  });
  const rel = relative(folderReal, real);
  if (!rel || rel.startsWith(`..${sep}`) || rel === '..' || rel.includes(sep))
    throw new AppError('FORBIDDEN', `${name} is not a file of the import folder.`);
  return real;
}

/**
 * Turns a media:import source into files. The renderer never names a path: the dialog is the
 * host's, uploads are ids, import-folder names are checked to resolve (symlinks too) directly inside
 * the import folder, and paths (files, or folders for their media files) are accepted from the CLI
 * host only.
 */
export async function resolveImportSource(
  source: ImportSource,
  storage: 'copy' | 'link',
  context: CallContext,
  deps: ImportSourceDeps,
): Promise<{ candidates: ImportCandidate[]; unavailable: UnavailableSource[] }> {
  const candidates: ImportCandidate[] = [];
  const unavailable: UnavailableSource[] = [];
  if (source.kind === 'dialog') {
    if (!deps.pickFiles)
      throw new AppError('NOT_AVAILABLE_IN_HOST', 'This host has no file dialog: upload the files instead.');
    const paths = await deps.pickFiles({
      title: 'Import media',
      extensions: importExtensions,
      multiple: true,
    });
    for (const path of paths) candidates.push({ path, name: basename(path), storage });
  } else if (source.kind === 'folderDialog') {
    if (!deps.chooseFolder)
      throw new AppError(
        'NOT_AVAILABLE_IN_HOST',
        "This host has no folder dialog: choose the folder's files, or drop them on the bin.",
      );
    const folder = await deps.chooseFolder('importMedia');
    if (folder)
      for (const path of await mediaFilesInFolder(folder))
        candidates.push({ path, name: basename(path), storage });
  } else if (source.kind === 'uploads') {
    for (const id of source.uploadIds) {
      const upload = deps.uploads.take(id);
      if (upload) candidates.push({ path: upload.path, name: upload.name, storage: 'move' });
      else
        unavailable.push({
          name: id,
          error: new AppError('NOT_FOUND', 'This upload is unknown or expired: upload it again.'),
        });
    }
  } else if (source.kind === 'importFolder') {
    for (const name of source.names) {
      try {
        candidates.push({ path: await insideImportFolder(deps.importFolder, name), name, storage });
      } catch (error) {
        unavailable.push({
          name,
          error: error instanceof AppError ? error : new AppError('INTERNAL', String(error)),
        });
      }
    }
  } else {
    if (context.host !== 'cli')
      throw new AppError(
        'FORBIDDEN',
        'Only the command line may import by path; use the dialog or an upload.',
      );
    for (const given of source.paths) {
      const path = resolve(given);
      // A folder stands for its media files (and its subfolders'), as in the folder dialog.
      const isFolder = await stat(path).then(
        (info) => info.isDirectory(),
        () => false,
      );
      const files = isFolder ? await mediaFilesInFolder(path) : [path];
      for (const file of files) candidates.push({ path: file, name: basename(file), storage });
    }
  }
  return { candidates, unavailable };
}

/** The plain files directly in the import folder (created when missing). */
export async function listImportFolder(folder: string): Promise<ImportFolderListing> {
  await mkdir(folder, { recursive: true });
  const names = await readdir(folder);
  const files: ImportFolderListing['files'] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (info?.isFile()) files.push({ name, sizeBytes: info.size });
  }
  return { folder, files };
}
