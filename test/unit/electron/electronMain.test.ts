import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';

// The Electron binary cannot run here. This file loads the real main-process entry
// (main/electron/index.ts) against a fake `electron` that records what the entry asks of it and
// lets the test emit what Electron would: a second launch, a page load, a menu click, a close.
const fakeElectron = vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const calls = {
    send: [] as unknown[][],
    focus: 0,
    lockData: [] as unknown[],
    recent: [] as string[],
    opened: [] as string[],
    menu: null as unknown,
    permissionHandler: null as unknown,
    beforeRequest: null as unknown,
    chosenFolder: '',
    dialogs: [] as string[],
    dialogAnswer: 2,
  };
  let nextId = 1;
  class FakeContents extends EventEmitter {
    readonly id = nextId++;
    readonly mainFrame = { url: 'file:///app/out/renderer/index.html' };
    send(...args: unknown[]) {
      calls.send.push(args);
    }
    isDestroyed() {
      return false;
    }
    getURL() {
      return this.mainFrame.url;
    }
    setWindowOpenHandler() {}
  }
  const windows: FakeWindow[] = [];
  const app = Object.assign(new EventEmitter(), {
    userData: '',
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: () => app.userData,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: (data: unknown) => {
      calls.lockData.push(data);
      return true;
    },
    quit: () => app.emit('quit-called'),
    addRecentDocument: (path: string) => calls.recent.push(path),
  });
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeContents();
    closed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows = () => windows.filter((w) => !w.closed);
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
    show() {}
    restore() {}
    focus() {
      calls.focus++;
    }
    maximize() {}
    isMinimized() {
      return false;
    }
    isVisible() {
      return true;
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    isDestroyed() {
      return this.closed;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    close() {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (!event.defaultPrevented) this.closed = true;
    }
  }
  const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: unknown) => (calls.permissionHandler = handler),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: {
      onHeadersReceived: () => undefined,
      onBeforeRequest: (_filter: unknown, listener: unknown) => (calls.beforeRequest = listener),
    },
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBox: async (_window: unknown, options: { message: string }) => {
        calls.dialogs.push(options.message);
        return { response: calls.dialogAnswer };
      },
      showOpenDialog: async () => ({ canceled: false, filePaths: [calls.chosenFolder] }),
    },
    ipcMain: { handle: (name: string, handler: never) => handlers.set(name, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (calls.menu = menu),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (sealed: Buffer) => String(sealed).slice('sealed:'.length),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: session },
    shell: {
      openExternal: async (url: string) => {
        calls.opened.push(url);
      },
    },
  };
  return { electron, calls, windows, handlers, app };
});

vi.mock('electron', async () => {
  const { electron } = await fakeElectron;
  return { default: electron, ...electron };
});
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
  },
}));

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };
const findItem = (items: MenuItem[], label: string): MenuItem | undefined =>
  items
    .flatMap((item) => [item, ...(item.submenu ? [findItem(item.submenu, label)] : [])])
    .find((item) => item?.label === label);
const eventsIn = (fake: Awaited<typeof fakeElectron>, name: string) =>
  fake.calls.send
    .filter(([channel, event]) => channel === 'shotloom:event' && event === name)
    .map(([, , p]) => p);

describe('Electron main entry (mocked electron)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let fake: Awaited<typeof fakeElectron>;

  beforeAll(async () => {
    fake = await fakeElectron;
    dir = await makeTempDir();
    fake.app.userData = dir.path;
    await import('../../../main/electron/index');
    await until(() => fake.windows.length === 1 && fake.calls.menu !== null);
  });
  afterAll(async () => {
    fake.app.emit('will-quit');
    await dir.remove();
  });

  it('takes the single-instance lock and hardens the session before opening the window', () => {
    expect(fake.calls.lockData).toEqual([{ openFile: null }]);
    expect(fake.calls.permissionHandler).not.toBeNull();
    expect(fake.calls.beforeRequest).not.toBeNull();
    const options = fake.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect([...fake.handlers.keys()]).toContain('shotloom:invoke:app:openExternal');
  });

  it('a second launch with a project file focuses the window; main opens the file once the page loads', async () => {
    const window = fake.windows[0]!;
    const focusBefore = fake.calls.focus;
    const cwd = join(dir.path, 'films');
    // A file that is not there: main tries, and the page hears why it could not be opened.
    fake.app.emit('second-instance', {}, ['/opt/Shotloom/shotloom', 'cut.shotloom'], cwd, {
      openFile: join(cwd, 'cut.shotloom'),
    });
    expect(fake.calls.focus).toBe(focusBefore + 1);
    expect(eventsIn(fake, 'app:openFileRequested')).toEqual([]);
    window.webContents.emit('did-finish-load');
    await until(() => eventsIn(fake, 'app:openFileRequested').length === 1);
    expect(eventsIn(fake, 'app:openFileRequested')).toEqual([
      {
        path: join(cwd, 'cut.shotloom'),
        error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
      },
    ]);
    if (process.platform === 'darwin' || process.platform === 'win32') {
      expect(fake.calls.recent).toContain(join(cwd, 'cut.shotloom'));
    }
    // A real project: main opens it itself (the path comes from the OS, never from the page).
    const { createCore } = await import('../../../main/core/createCore');
    const maker = await createCore({ host: 'cli', dataDir: join(dir.path, 'maker-data') });
    const folder = join(dir.path, 'films', 'Real film');
    await maker.projects.create(folder, { name: 'Real film' });
    await maker.projects.close(true);
    await maker.dispose();
    fake.app.emit('second-instance', {}, ['/opt/Shotloom/shotloom', join(folder, 'project.shotloom')], cwd, {
      openFile: join(folder, 'project.shotloom'),
    });
    await until(() =>
      eventsIn(fake, 'project:changed').some((change) => (change as { folder: string }).folder === folder),
    );
    expect(eventsIn(fake, 'app:openFileRequested')).toHaveLength(1);
    // A launch without a file only focuses.
    fake.app.emit('second-instance', {}, ['/opt/Shotloom/shotloom'], cwd, { openFile: null });
    expect(fake.calls.focus).toBe(focusBefore + 3);
    expect(eventsIn(fake, 'app:openFileRequested')).toHaveLength(1);
  });

  it('menu commands reach the renderer as app:menuCommand', () => {
    const save = findItem(fake.calls.menu as MenuItem[], 'Save');
    save?.click?.();
    expect(eventsIn(fake, 'app:menuCommand')).toEqual([{ command: 'project.save' }]);
  });

  it('app:openExternal from the window opens the listed page in the browser', async () => {
    const window = fake.windows[0]!;
    const invoke = fake.handlers.get('shotloom:invoke:app:openExternal')!;
    const result = await invoke(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { link: 'google.keys' },
    );
    expect(result).toEqual({ ok: true, value: { url: 'https://aistudio.google.com/apikey' } });
    expect(fake.calls.opened).toEqual(['https://aistudio.google.com/apikey']);
  });

  it('project:new with a dialog location creates the project in the folder the dialog answered', async () => {
    const window = fake.windows[0]!;
    fake.calls.chosenFolder = join(dir.path, 'Trailer');
    const invoke = fake.handlers.get('shotloom:invoke:project:new')!;
    const result = await invoke(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { name: 'Trailer', location: { kind: 'dialog' } },
    );
    expect(result).toMatchObject({ ok: true, value: { snapshot: { folder: fake.calls.chosenFolder } } });
  });

  it('closing with unsaved changes asks: Cancel keeps the window, Save saves and then closes', async () => {
    const window = fake.windows[0]!;
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const edit = fake.handlers.get('shotloom:invoke:project:edit')!;
    expect(await edit(from, { command: { type: 'renameProject', name: 'Trailer v2' } })).toMatchObject({
      ok: true,
      value: { dirty: true },
    });

    fake.calls.dialogAnswer = 2; // Cancel
    window.close();
    await until(() => fake.calls.dialogs.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.closed).toBe(false);
    expect(fake.calls.dialogs[0]).toContain('"Trailer v2" has unsaved changes');

    fake.calls.dialogAnswer = 0; // Save
    window.close();
    await until(() => window.closed);
    expect(fake.calls.dialogs).toHaveLength(2);
    const snapshot = await fake.handlers.get('shotloom:invoke:project:get')!(from, {});
    expect(snapshot).toMatchObject({ ok: true, value: { dirty: false } });
  });
});
