import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { ChooseSaveFile } from '../services/render/renderService';

/** The save dialog's options for an export: the suggested name and a filter for its kind of file. */
export function saveDialogOptions(suggestedName: string, extension: string): SaveDialogOptions {
  const bare = extension.replace(/^\./, '');
  return {
    title: 'Export',
    buttonLabel: 'Export',
    defaultPath: suggestedName.endsWith(`.${bare}`) ? suggestedName : `${suggestedName}.${bare}`,
    filters: [{ name: bare.toUpperCase(), extensions: [bare] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The Electron host's chooseSaveFile capability: a save dialog attached to the main window. */
export function electronChooseSaveFile(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BrowserWindow | null,
): ChooseSaveFile {
  return async ({ suggestedName, extension }) => {
    const options = saveDialogOptions(suggestedName, extension);
    const window = getWindow();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
