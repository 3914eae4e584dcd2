import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import { mediaContentType } from '../../../common/media/mediaTypes';

/** The most files one folder import takes (a mistaken pick of a home folder stops here). */
export const folderImportLimit = 1000;
/** How deep into subfolders a folder import looks. */
const maxDepth = 8;

/**
 * The media files of a folder and its subfolders, by extension, in a stable order (folders after
 * files, names sorted). Hidden files and folders are skipped, as are symbolic links to folders (no
 * loops). More than `folderImportLimit` files is refused with MEDIA_FOLDER_TOO_LARGE before anything is
 * imported.
 */
export async function mediaFilesInFolder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if (depth > 0) return; // an unreadable subfolder is passed over
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError(
        code === 'ENOENT' || code === 'ENOTDIR' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
        `The folder ${folder} could not be read.`,
        (error as Error).message,
      );
    }
    const sorted = entries
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of sorted) {
      if (!entry.isFile() || mediaContentType(entry.name) === null) continue;
      found.push(join(current, entry.name));
      if (found.length > folderImportLimit)
        throw new AppError(
          'MEDIA_FOLDER_TOO_LARGE',
          `That folder holds more than ${folderImportLimit} media files: import a smaller folder.`,
        );
    }
    if (depth >= maxDepth) return;
    for (const entry of sorted) if (entry.isDirectory()) await walk(join(current, entry.name), depth + 1);
  };
  await walk(folder, 0);
  return found;
}
