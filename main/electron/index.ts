import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createCore, type Core } from '../core/createCore';
import { forwardEvents, registerIpcHandlers, trustedSender } from './ipc';
import { hardenContents, hardenSession } from './security';
import { mainWindowOptions } from './windowOptions';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  hardenContents(window.webContents, devServerUrl);
  window.once('ready-to-show', () => window.show());
  if (core) forwardEvents(core, window.webContents);
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  window.on('closed', () => {
    mainWindow = null;
  });
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  core = await createCore({
    host: 'electron',
    dataDir: app.getPath('userData'),
    bundledBinDir: app.isPackaged ? join(process.resourcesPath, 'bin') : null,
  });
  registerIpcHandlers(
    ipcMain,
    core,
    trustedSender(() => mainWindow?.webContents ?? null, devServerUrl),
  );
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  void core?.dispose();
});

void start();
