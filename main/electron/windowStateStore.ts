import ElectronStore from 'electron-store';
import type { BrowserWindow } from 'electron';
import { parseWindowState, type WindowState } from './windowState';

/** Reads and writes the remembered window state; electron-store in the app, a fake in tests. */
export interface WindowStateStorage {
  load(): WindowState | null;
  save(state: WindowState): void;
}

/** Persists the state in `window-state.json` in the userData folder, apart from the settings. */
export function electronWindowStateStorage(cwd?: string): WindowStateStorage {
  const store = new ElectronStore<{ mainWindow?: unknown }>({
    name: 'window-state',
    ...(cwd === undefined ? {} : { cwd }),
    clearInvalidConfig: true,
  });
  return {
    load: () => parseWindowState(store.get('mainWindow')),
    save: (state) => store.set('mainWindow', state),
  };
}

type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'getNormalBounds' | 'isDestroyed'
>;

/** Saves the window's normal (unmaximised) bounds and maximised flag when it moves, resizes or closes. */
export function trackWindowState(window: TrackedWindow, storage: WindowStateStorage, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    storage.save({ ...bounds, maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}
