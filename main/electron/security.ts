import type { Session, WebContents } from 'electron';
import { isAppUrl, isSessionRequestAllowed } from '../security/appUrls';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { isExternalUrlAllowed } from '../security/externalUrls';

export { isAppUrl } from '../security/appUrls';

/**
 * Permissions the app uses: writing to the clipboard (copy a prompt) and the Fullscreen API (the
 * viewer). Everything else a page asks for (camera, microphone, location, notifications, MIDI,
 * HID, serial, USB, screen capture, storage access, window management, openExternal…) is denied.
 */
const allowedPermissions = new Set<string>(['clipboard-sanitized-write', 'fullscreen']);

export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/** A permission is granted only when the app uses it and the app's own page asks for it. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl: string | undefined,
): boolean {
  return (
    isPermissionAllowed(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, devServerUrl)
  );
}

export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = (details as { requestingUrl?: string } | undefined)?.requestingUrl ?? contents?.getURL();
    callback(isPermissionGranted(permission, url, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details?.requestingUrl ?? requestingOrigin, devServerUrl),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/** No access to HID, serial, USB or Bluetooth devices: the editor talks to none. */
export function denyDeviceAccess(session: Session): void {
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/** The renderer's session reaches no network at all (the dev server aside, in development). */
export function blockRemoteRequests(session: Session, devServerUrl: string | undefined): void {
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isSessionRequestAllowed(details.url, devServerUrl) }),
  );
}

export interface ContentsHardening {
  /** Where the built renderer lives: file:// pages outside it are foreign. */
  rendererRoot?: string;
  /** Opens allow-listed provider pages a page tried to open in a new window. */
  openExternal?: (url: string) => Promise<void>;
}

/**
 * No navigation away from the app, no new windows, no webviews. A link to an allow-listed
 * provider page that the page tries to open goes to the system browser instead.
 */
export function hardenContents(
  contents: WebContents,
  devServerUrl: string | undefined,
  options: ContentsHardening = {},
): void {
  const foreign = (url: string): boolean => !isAppUrl(url, devServerUrl, options.rendererRoot);
  contents.on('will-navigate', (event, url) => {
    if (foreign(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (foreign(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (foreign(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    const url = (details as { url?: string } | undefined)?.url;
    if (url !== undefined && options.openExternal && isExternalUrlAllowed(url)) {
      void options.openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}
