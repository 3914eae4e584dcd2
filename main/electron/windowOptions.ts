import type { BrowserWindowConstructorOptions } from 'electron';
import { minimumWindowSize, type Rectangle } from './windowState';

/**
 * The one window's options: sandboxed, isolated, no Node in the page, at the remembered bounds
 * when there are some (else centred at the default size). Tested with a mocked electron.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Rectangle | null = null,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 1440, height: 900, center: true }),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    backgroundColor: '#16181d',
    title: 'Shotloom',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
