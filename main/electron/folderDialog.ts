import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ChooseFolder, FolderPurpose } from '../services/project/projectLocations';

const wording: Record<FolderPurpose, { title: string; buttonLabel: string }> = {
  newProject: { title: 'Choose where to create the project', buttonLabel: 'Create Here' },
  openProject: { title: 'Open a Shotloom project folder', buttonLabel: 'Open' },
  saveProjectAs: { title: 'Choose a folder to save the project in', buttonLabel: 'Save Here' },
  relinkSearch: { title: 'Choose a folder to search for missing media', buttonLabel: 'Search Here' },
  importMedia: { title: 'Import a folder of media', buttonLabel: 'Import' },
};

/** The dialog for one purpose: a single folder, which the user may create on the spot. */
export function folderDialogOptions(purpose: FolderPurpose): OpenDialogOptions {
  return { ...wording[purpose], properties: ['openDirectory', 'createDirectory'] };
}

/** The Electron host's chooseFolder capability: a folder dialog attached to the main window. */
export function electronChooseFolder(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
): ChooseFolder {
  return async (purpose) => {
    const options = folderDialogOptions(purpose);
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
