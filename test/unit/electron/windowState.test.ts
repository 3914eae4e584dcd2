import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// electron-store is loaded by Node itself (outside vitest's module graph), where the Electron
// binary it imports does not exist. It is replaced by the class it extends, `conf`, configured the
// way electron-store configures it (a file name, a folder), so the real JSON store is exercised.
vi.mock('electron', () => ({}));
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreOnConf extends Conf {
    constructor(options: { name: string; cwd?: string; clearInvalidConfig?: boolean }) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name, projectName: 'shotloom' });
    }
  }
  return { default: ElectronStoreOnConf };
});

import {
  minimumWindowSize,
  parseWindowState,
  restoreWindowBounds,
  type WindowState,
} from '../../../main/electron/windowState';
import {
  electronWindowStateStorage,
  trackWindowState,
  type WindowStateStorage,
} from '../../../main/electron/windowStateStore';
import { mainWindowOptions } from '../../../main/electron/windowOptions';
import { makeTempDir } from '../../helpers/tempDir';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts only well-formed saved states', () => {
    const good: WindowState = { x: 10, y: 20, width: 1300, height: 800, maximized: false };
    expect(parseWindowState(good)).toEqual(good);
    for (const bad of [
      null,
      'x',
      { ...good, x: Number.NaN },
      { ...good, width: 0 },
      { ...good, maximized: 'no' },
    ]) {
      expect(parseWindowState(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('restores the saved bounds when the window is still on a screen', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, rightMonitor])).toEqual({
      x: 2000,
      y: 100,
      width: 1600,
      height: 1000,
    });
  });

  it('forgets bounds on a monitor that is gone, and clamps to a smaller screen', () => {
    const onGoneMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowBounds(onGoneMonitor, [laptop])).toBeNull();
    const tooBig = { x: 100, y: 50, width: 3000, height: 2000, maximized: false };
    expect(restoreWindowBounds(tooBig, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    const tiny = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreWindowBounds(tiny, [laptop])).toMatchObject(minimumWindowSize);
    expect(restoreWindowBounds(null, [laptop])).toBeNull();
  });

  it('opens the window at the restored bounds, else centred at the default size', () => {
    expect(mainWindowOptions('/p.cjs', { x: 5, y: 6, width: 1100, height: 700 })).toMatchObject({
      x: 5,
      y: 6,
      width: 1100,
      height: 700,
    });
    const fresh = mainWindowOptions('/p.cjs');
    expect(fresh).toMatchObject({ width: 1440, height: 900, center: true });
    expect(fresh.x).toBeUndefined();
  });

  it('saves normal bounds after moves settle, at once on maximise and close, never while minimised', () => {
    vi.useFakeTimers();
    const saves: WindowState[] = [];
    const storage: WindowStateStorage = { load: () => null, save: (state) => saves.push(state) };
    const state = { maximized: false, minimized: false };
    const window = Object.assign(new EventEmitter(), {
      isMaximized: () => state.maximized,
      isMinimized: () => state.minimized,
      isFullScreen: () => false,
      isDestroyed: () => false,
      getNormalBounds: () => ({ x: 40, y: 50, width: 1280, height: 720 }),
    });
    trackWindowState(window as never, storage, 500);
    window.emit('move');
    window.emit('resize');
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saves).toEqual([{ x: 40, y: 50, width: 1280, height: 720, maximized: false }]);
    state.maximized = true;
    window.emit('maximize');
    expect(saves.at(-1)).toMatchObject({ maximized: true, width: 1280 });
    state.minimized = true;
    window.emit('close');
    expect(saves).toHaveLength(2);
  });

  it('persists through electron-store in window-state.json and survives a corrupt file', async () => {
    const dir = await makeTempDir();
    const storage = electronWindowStateStorage(dir.path);
    expect(storage.load()).toBeNull();
    const state = { x: 1, y: 2, width: 1200, height: 800, maximized: true };
    storage.save(state);
    expect(JSON.parse(readFileSync(join(dir.path, 'window-state.json'), 'utf8'))).toEqual({
      mainWindow: state,
    });
    expect(electronWindowStateStorage(dir.path).load()).toEqual(state);
    writeFileSync(join(dir.path, 'window-state.json'), '{ not json');
    expect(electronWindowStateStorage(dir.path).load()).toBeNull();
    await dir.remove();
  });
});
