import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session, shell } from 'electron';
import { externalLinks, toErrorShape } from '../../common/contract';
import { createCore, type Core } from '../core/createCore';
import { applicationMenuTemplate } from './applicationMenu';
import { chooseFfmpegFile } from './chooseFfmpegFile';
import { electronChooseFolder } from './folderDialog';
import { electronChooseSaveFile } from './saveDialog';
import { forwardEvents, registerIpcHandlers, trustedSender } from './ipc';
import { handleMediaProtocol, registerMediaScheme } from './mediaProtocol';
import { allowListedOpenExternal } from './openExternal';
import { OpenFileRequests } from './openFileRequests';
import { pickMediaFiles } from './pickMediaFiles';
import { isProjectFilePath, projectFileFromArgv } from './projectFiles';
import { guardWindowClose } from './quitGuard';
import { rememberRecentProject } from './recentDocuments';
import { trackRecentProjects } from './recentProjects';
import { blockRemoteRequests, denyDeviceAccess, hardenContents, hardenSession } from './security';
import { ElectronSecretStore } from './secretStore';
import { bringToFront, claimSingleInstance } from './singleInstance';
import { noUnsavedChanges } from './unsavedChanges';
import { mainWindowOptions } from './windowOptions';
import { restoreWindowBounds } from './windowState';
import { electronWindowStateStorage, trackWindowState, type WindowStateStorage } from './windowStateStore';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(__dirname, '../renderer');
const openExternal = allowListedOpenExternal(shell);
const openFiles = new OpenFileRequests();
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let windowState: WindowStateStorage | null = null;

function requestOpen(path: string): void {
  rememberRecentProject(app, path);
  openFiles.request(path);
}

/**
 * A .shotloom file from the OS (file association, second launch): the main process opens it itself,
 * since the path comes from the OS, not the page; the page hears of it only when that fails.
 */
async function openRequestedFile(path: string): Promise<void> {
  if (!core) return;
  try {
    await core.projects.open(path, false);
  } catch (error) {
    core.events.emit('app:openFileRequested', { path, error: toErrorShape(error) });
  }
}

function createWindow(): BrowserWindow {
  windowState ??= electronWindowStateStorage();
  const saved = windowState.load();
  const bounds = restoreWindowBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs'), bounds));
  if (bounds && saved?.maximized) window.maximize();
  trackWindowState(window, windowState);
  // The project service answers what is unsaved and saves it (UnsavedChangesProbe).
  guardWindowClose(app, window, core?.projects ?? noUnsavedChanges, async (options) => {
    const { response } = await dialog.showMessageBox(window, options);
    return response;
  });
  window.once('ready-to-show', () => window.show());
  if (core) forwardEvents(core, window.webContents);
  window.webContents.on('did-start-loading', () => openFiles.disconnect());
  window.webContents.on('did-finish-load', () => openFiles.connect((path) => void openRequestedFile(path)));
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(rendererRoot, 'index.html'));
  window.on('closed', () => {
    openFiles.disconnect();
    mainWindow = null;
  });
  return window;
}

function installMenu(): void {
  const template = applicationMenuTemplate(process.platform, app.isPackaged, {
    command: (command) => core?.events.emit('app:menuCommand', { command }),
    openLink: (link) => void openExternal(externalLinks[link]).catch(() => undefined),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl);
  denyDeviceAccess(session.defaultSession);
  blockRemoteRequests(session.defaultSession, devServerUrl);
  const started = await createCore({
    host: 'electron',
    dataDir: app.getPath('userData'),
    bundledBinDir: app.isPackaged ? join(process.resourcesPath, 'bin') : null,
    openExternal,
    chooseFolder: electronChooseFolder(dialog, () => mainWindow),
    chooseSaveFile: electronChooseSaveFile(dialog, () => mainWindow),
    pickFiles: pickMediaFiles(() => mainWindow),
    chooseFfmpegFile: chooseFfmpegFile(() => mainWindow),
    revealPath: (path) => shell.showItemInFolder(path),
    secretStore: new ElectronSecretStore(safeStorage),
  });
  core = started;
  handleMediaProtocol({ projects: started.projects, derived: started.media });
  trackRecentProjects(
    (listener) => started.events.subscribe(listener),
    (projectFile) => rememberRecentProject(app, projectFile),
  );
  registerIpcHandlers(
    ipcMain,
    started,
    trustedSender(() => mainWindow?.webContents ?? null, devServerUrl),
  );
  installMenu();
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

const isFirstInstance = claimSingleInstance(app, process.argv, process.cwd(), ({ openFile }) => {
  if (mainWindow) bringToFront(mainWindow);
  if (openFile) requestOpen(openFile);
});

if (isFirstInstance) {
  // Windows ties Jump List recent documents and the taskbar to the installer's AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId('org.shotloom.app');
  // shotloom-media:// must be privileged before `ready` (fetch, streaming, Range for <video>).
  registerMediaScheme();
  const launchFile = projectFileFromArgv(process.argv.slice(1), process.cwd());
  if (launchFile) requestOpen(launchFile);
  // macOS hands files from the Finder and the Dock this way, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!isProjectFilePath(path)) return;
    requestOpen(path);
    if (mainWindow) bringToFront(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, devServerUrl, {
      ...(devServerUrl ? {} : { rendererRoot }),
      openExternal,
    }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void core?.dispose();
  });
  void start();
}
