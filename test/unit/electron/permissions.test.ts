import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  blockRemoteRequests,
  denyDeviceAccess,
  hardenContents,
  hardenSession,
  isPermissionGranted,
} from '../../../main/electron/security';
import { isAppUrl, isSessionRequestAllowed } from '../../../main/security/appUrls';
import {
  contentSecurityPolicy,
  contentSecurityPolicyDirectives,
} from '../../../main/security/contentSecurityPolicy';

const appPage = 'file:///opt/Shotloom/resources/app.asar/out/renderer/index.html';
const devServer = 'http://localhost:5173';

/** Every permission name Electron 39's session handlers can be asked about. */
const everyPermission = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'deprecated-sync-clipboard-read',
];

type RequestHandler = (
  contents: { getURL(): string } | null,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details?: { requestingUrl?: string },
) => boolean;

function fakeSession() {
  const hooks: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: () => boolean;
    beforeRequest?: {
      filter: { urls: string[] };
      listener: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    };
    events: Map<string, (...args: unknown[]) => void>;
  } = { events: new Map() };
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (hooks.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (hooks.check = handler),
    setDevicePermissionHandler: (handler: () => boolean) => (hooks.device = handler),
    on: (name: string, listener: (...args: unknown[]) => void) => hooks.events.set(name, listener),
    webRequest: {
      onHeadersReceived: vi.fn(),
      onBeforeRequest: (
        filter: { urls: string[] },
        listener: NonNullable<typeof hooks.beforeRequest>['listener'],
      ) => (hooks.beforeRequest = { filter, listener }),
    },
  };
  return { session, hooks };
}

function ask(handler: RequestHandler, permission: string, requestingUrl: string): boolean {
  let granted: boolean | undefined;
  handler({ getURL: () => requestingUrl }, permission, (value) => (granted = value), { requestingUrl });
  if (granted === undefined) throw new Error('the handler never answered');
  return granted;
}

describe('permission handler (mocked electron)', () => {
  it('grants the app page only clipboard writes and fullscreen, and denies every other permission', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
    const granted = everyPermission.filter((permission) => ask(hooks.request!, permission, appPage));
    expect(granted.sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
    const checked = everyPermission.filter((permission) =>
      hooks.check!(null, permission, 'file:///', { requestingUrl: appPage }),
    );
    expect(checked.sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
  });

  it('denies even those two to any page that is not the app', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session as never, devServer);
    for (const url of [
      'https://evil.example/',
      'http://localhost:5174/',
      'http://localhost:5173.evil.example/',
    ]) {
      expect(ask(hooks.request!, 'fullscreen', url), url).toBe(false);
      expect(hooks.check!(null, 'clipboard-sanitized-write', url, { requestingUrl: url }), url).toBe(false);
    }
    expect(ask(hooks.request!, 'fullscreen', `${devServer}/`)).toBe(true);
    expect(isPermissionGranted('fullscreen', undefined, undefined)).toBe(false);
  });

  it('refuses every HID, serial and USB device and cancels device pickers', () => {
    const { session, hooks } = fakeSession();
    denyDeviceAccess(session as never);
    expect(hooks.device!()).toBe(false);
    for (const name of ['select-hid-device', 'select-serial-port', 'select-usb-device']) {
      const event = { preventDefault: vi.fn() };
      const callback = vi.fn();
      const listener = hooks.events.get(name)!;
      if (name === 'select-serial-port') listener(event, [], null, callback);
      else listener(event, {}, callback);
      expect(event.preventDefault, name).toHaveBeenCalled();
      expect(callback, name).toHaveBeenCalledTimes(1);
      expect(callback.mock.calls[0]?.[0] ?? '', name).toBe('');
    }
  });

  it('cancels every network request of the renderer session but the dev server', () => {
    const { session, hooks } = fakeSession();
    blockRemoteRequests(session as never, devServer);
    expect(hooks.beforeRequest!.filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const cancelled = (url: string) => {
      let result: { cancel: boolean } | undefined;
      hooks.beforeRequest!.listener({ url }, (r) => (result = r));
      return result!.cancel;
    };
    expect(cancelled('https://cdn.example/lib.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('wss://evil.example/socket')).toBe(true);
    expect(cancelled('http://localhost:5173.evil.example/')).toBe(true);
    expect(cancelled(`${devServer}/src/main.tsx`)).toBe(false);
    expect(cancelled('ws://localhost:5173/')).toBe(false);
    expect(isSessionRequestAllowed('https://localhost:5173/', undefined)).toBe(false);
  });
});

describe('app pages and navigation', () => {
  const rendererRoot = join('/opt', 'Shotloom', 'resources', 'app.asar', 'out', 'renderer');

  it('counts only the renderer folder and the dev server origin as the app', () => {
    expect(isAppUrl(pathToFileURL(join(rendererRoot, 'index.html')).href, undefined, rendererRoot)).toBe(
      true,
    );
    expect(isAppUrl('file:///etc/passwd', undefined, rendererRoot)).toBe(false);
    expect(
      isAppUrl(pathToFileURL(join(rendererRoot, '..', 'main', 'index.js')).href, undefined, rendererRoot),
    ).toBe(false);
    expect(isAppUrl('file://attacker-share/x.html', undefined)).toBe(false);
    expect(isAppUrl(`${devServer}/index.html`, devServer)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', devServer)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devServer)).toBe(false);
  });

  it('stops navigations and frame navigations that leave the app', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const contents = {
      on: (name: string, listener: (...args: unknown[]) => void) => handlers.set(name, listener),
      setWindowOpenHandler: vi.fn(),
    };
    hardenContents(contents as never, undefined, { rendererRoot });
    const stopped = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      handlers.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    const inside = pathToFileURL(join(rendererRoot, 'index.html')).href;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(stopped(name, 'https://evil.example/'), name).toBe(true);
      expect(stopped(name, 'file:///home/ana/.ssh/id_rsa'), name).toBe(true);
      expect(stopped(name, inside), name).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const allowedSources = new Set(["'self'", "'none'", 'data:', 'blob:', 'shotloom-media:']);

  it('allows only the app, the media scheme and page-made data; inline only for styles', () => {
    for (const [directive, sources] of Object.entries(contentSecurityPolicyDirectives)) {
      for (const source of sources) {
        const ok = allowedSources.has(source) || (directive === 'style-src' && source === "'unsafe-inline'");
        expect(ok, `${directive} ${source}`).toBe(true);
      }
    }
    expect(contentSecurityPolicyDirectives['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicyDirectives['object-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicyDirectives['connect-src']).toContain('shotloom-media:');
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  it("the renderer's own meta CSP allows nothing the app's policy does not", () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const part of meta!.split(';')) {
      const [directive, ...sources] = part.trim().split(/\s+/);
      if (!directive) continue;
      const policy =
        contentSecurityPolicyDirectives[directive] ?? contentSecurityPolicyDirectives['default-src'] ?? [];
      for (const source of sources) {
        expect(policy, `${directive} ${source}`).toContain(source);
      }
    }
  });
});
