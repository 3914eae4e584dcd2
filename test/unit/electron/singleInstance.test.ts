import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the handoff is driven through a fake app that emits what Electron
// would, with the real `electron` module mocked away.
vi.mock('electron', () => ({}));

import { OpenFileRequests } from '../../../main/electron/openFileRequests';
import { projectFileFromArgv, isProjectFilePath } from '../../../main/electron/projectFiles';
import { rememberRecentProject } from '../../../main/electron/recentDocuments';
import { bringToFront, claimSingleInstance, type SecondLaunch } from '../../../main/electron/singleInstance';

function fakeApp(lockGranted: boolean) {
  const app = new EventEmitter() as EventEmitter & {
    requestSingleInstanceLock: ReturnType<typeof vi.fn>;
    quit: ReturnType<typeof vi.fn>;
  };
  app.requestSingleInstanceLock = vi.fn(() => lockGranted);
  app.quit = vi.fn();
  return app;
}

function fakeWindow(state: { minimized: boolean; visible: boolean }) {
  const calls: string[] = [];
  return {
    calls,
    window: {
      isMinimized: () => state.minimized,
      isVisible: () => state.visible,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    },
  };
}

describe('single instance (mocked electron)', () => {
  it('finds the project file in a launch command line, whatever switches Chromium adds', () => {
    const cwd = resolve('/home/ana/films');
    expect(projectFileFromArgv(['--original-process-start-time=1', 'cut.shotloom'], cwd)).toBe(
      join(cwd, 'cut.shotloom'),
    );
    const absolute = resolve('/data/Trailer.SHOTLOOM');
    expect(projectFileFromArgv(['--flag', absolute], cwd)).toBe(absolute);
    expect(projectFileFromArgv(['--open=x.shotloom', 'notes.txt', '.'], cwd)).toBeNull();
    expect(isProjectFilePath('a.shotloom.bak')).toBe(false);
  });

  it('the first launch keeps the lock and hears about later launches with their file', () => {
    const app = fakeApp(true);
    const launches: SecondLaunch[] = [];
    const cwd = resolve('/home/ana');
    expect(claimSingleInstance(app as never, ['/opt/Shotloom/shotloom'], cwd, (l) => launches.push(l))).toBe(
      true,
    );
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ openFile: null });
    expect(app.quit).not.toHaveBeenCalled();

    // A second launch from a shell in another folder, handing over its file as lock data.
    const fromLockData = resolve('/home/ana/films/cut.shotloom');
    app.emit('second-instance', {}, ['/opt/Shotloom/shotloom', 'cut.shotloom'], '/x', {
      openFile: fromLockData,
    });
    // An older launcher without lock data: the file is read from its argv and its directory.
    app.emit('second-instance', {}, ['/opt/Shotloom/shotloom', 'b.shotloom'], resolve('/tmp/w'), undefined);
    // Lock data that is not a project file is not trusted; argv has none either.
    app.emit('second-instance', {}, ['/opt/Shotloom/shotloom'], cwd, { openFile: '/etc/passwd' });
    expect(launches).toEqual([
      { openFile: fromLockData },
      { openFile: join(resolve('/tmp/w'), 'b.shotloom') },
      { openFile: null },
    ]);
  });

  it('a later launch sends its file in the lock request, then quits', () => {
    const app = fakeApp(false);
    const onSecond = vi.fn();
    const cwd = resolve('/home/ana/films');
    expect(claimSingleInstance(app as never, ['/opt/Shotloom/shotloom', 'cut.shotloom'], cwd, onSecond)).toBe(
      false,
    );
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ openFile: join(cwd, 'cut.shotloom') });
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(onSecond).not.toHaveBeenCalled();
  });

  it('brings a minimised or hidden window to the front', () => {
    const minimised = fakeWindow({ minimized: true, visible: true });
    bringToFront(minimised.window as never);
    expect(minimised.calls).toEqual(['restore', 'focus']);
    const hidden = fakeWindow({ minimized: false, visible: false });
    bringToFront(hidden.window as never);
    expect(hidden.calls).toEqual(['show', 'focus']);
  });

  it('holds file requests until a page listens, delivers them in order, and holds again on reload', () => {
    const requests = new OpenFileRequests();
    const delivered: string[] = [];
    requests.request('/a.shotloom');
    requests.request('/b.shotloom');
    expect(delivered).toEqual([]);
    requests.connect((path) => delivered.push(path));
    expect(delivered).toEqual(['/a.shotloom', '/b.shotloom']);
    requests.request('/c.shotloom');
    expect(delivered).toEqual(['/a.shotloom', '/b.shotloom', '/c.shotloom']);
    requests.disconnect();
    requests.request('/d.shotloom');
    expect(delivered).toHaveLength(3);
    expect(requests.waiting).toEqual(['/d.shotloom']);
  });

  it('adds opened projects to the OS recent documents on macOS and Windows only', () => {
    const app = { addRecentDocument: vi.fn() };
    expect(rememberRecentProject(app, '/p/a.shotloom', 'darwin')).toBe(true);
    expect(rememberRecentProject(app, 'C:\\p\\b.shotloom', 'win32')).toBe(true);
    expect(rememberRecentProject(app, '/p/c.shotloom', 'linux')).toBe(false);
    expect(app.addRecentDocument.mock.calls).toEqual([['/p/a.shotloom'], ['C:\\p\\b.shotloom']]);
  });
});
