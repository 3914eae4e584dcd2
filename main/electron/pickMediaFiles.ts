import { dialog, type BrowserWindow } from 'electron';
import type { PickFiles } from '../services/media/importSources';

/** The desktop host's media:import dialog: files only, several at once, media extensions first. */
export function pickMediaFiles(window: () => BrowserWindow | null): PickFiles {
  return async ({ title, extensions, multiple }) => {
    const options = {
      title,
      properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
      filters: [
        { name: 'Media', extensions },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
      : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
    return result.canceled ? [] : result.filePaths;
  };
}
