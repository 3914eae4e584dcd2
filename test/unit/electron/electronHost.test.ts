import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here: these tests exercise the host's glue against a mocked
// `electron` module and never pretend Electron itself ran.
vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, ipcMain: {}, session: {} }));

import { channels } from '../../../common/contract';
import { createCore } from '../../../main/core/createCore';
import { registerIpcHandlers, trustedSender } from '../../../main/electron/ipc';
import { hardenContents, hardenSession, isPermissionAllowed } from '../../../main/electron/security';
import { mainWindowOptions } from '../../../main/electron/windowOptions';
import { makeTempDir } from '../../helpers/tempDir';

type InvokeListener = (event: unknown, request: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  return {
    handlers,
    ipcMain: { handle: (name: string, listener: InvokeListener) => handlers.set(name, listener) },
  };
}

function fakeContents(id: number, url: string) {
  const emitter = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const mainFrame = { url };
  let windowOpenHandler: (() => { action: string }) | null = null;
  Object.assign(emitter, {
    id,
    mainFrame,
    isDestroyed: () => false,
    send: vi.fn(),
    setWindowOpenHandler: (handler: () => { action: string }) => (windowOpenHandler = handler),
  });
  return { contents: emitter, mainFrame, openWindow: () => windowOpenHandler?.() };
}

describe('Electron host (mocked electron)', () => {
  it('creates the window sandboxed, isolated and without Node', () => {
    const options = mainWindowOptions('/app/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('registers an IPC handler for every channel and refuses foreign senders and bad requests', async () => {
    const dir = await makeTempDir();
    const core = await createCore({ host: 'electron', dataDir: dir.path });
    const { handlers, ipcMain } = fakeIpcMain();
    const window = fakeContents(7, 'file:///app/out/renderer/index.html');
    const registered = registerIpcHandlers(
      ipcMain as never,
      core,
      trustedSender(() => window.contents as never, undefined),
    );
    expect(registered.sort()).toEqual(Object.keys(channels).sort());
    expect([...handlers.keys()].sort()).toEqual(
      Object.keys(channels)
        .map((name) => `shotloom:invoke:${name}`)
        .sort(),
    );

    const invoke = handlers.get('shotloom:invoke:app:info')!;
    const fromWindow = { sender: window.contents, senderFrame: window.mainFrame };
    expect(await invoke(fromWindow, {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await invoke(fromWindow, { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });

    const other = fakeContents(8, 'file:///app/out/renderer/index.html');
    expect(await invoke({ sender: other.contents, senderFrame: other.mainFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const subFrame = { url: 'file:///app/out/renderer/index.html' };
    expect(await invoke({ sender: window.contents, senderFrame: subFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const remote = fakeContents(7, 'https://evil.example/');
    const remoteCheck = trustedSender(() => remote.contents as never, undefined);
    expect(remoteCheck({ sender: remote.contents, senderFrame: remote.mainFrame } as never)).toBe(false);
    await core.dispose();
    await dir.remove();
  });

  it('denies permission requests, new windows, webviews and navigation away from the app', () => {
    const permissionHandlers: Array<
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
    > = [];
    let headersHook:
      ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null =
      null;
    const session = {
      setPermissionRequestHandler: (handler: (typeof permissionHandlers)[number]) =>
        permissionHandlers.push(handler),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: (hook: typeof headersHook) => (headersHook = hook) },
    };
    hardenSession(session as never);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'midi',
      'hid',
      'serial',
    ]) {
      let granted: boolean | undefined;
      permissionHandlers[0]!(null, permission, (value) => (granted = value));
      expect(granted, permission).toBe(false);
      expect(isPermissionAllowed(permission)).toBe(false);
    }
    let csp: unknown;
    headersHook!({ responseHeaders: {} }, (response) => (csp = response));
    expect(JSON.stringify(csp)).toContain("default-src 'self'");

    const window = fakeContents(1, 'file:///app/index.html');
    hardenContents(window.contents as never, undefined);
    expect(window.openWindow()).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      window.contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///app/index.html')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    window.contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
