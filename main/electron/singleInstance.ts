import type { App, BrowserWindow } from 'electron';
import { isProjectFilePath, projectFileFromArgv } from './projectFiles';

/** What the first instance learns from a second launch: the project file it asked for, if any. */
export interface SecondLaunch {
  openFile: string | null;
}

type LockingApp = Pick<App, 'requestSingleInstanceLock' | 'quit'> & {
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void,
  ): unknown;
};

/** The file a second instance handed over in its lock data, checked rather than trusted. */
function openFileFromLockData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const openFile = (data as Record<string, unknown>).openFile;
  return typeof openFile === 'string' && isProjectFilePath(openFile) ? openFile : null;
}

/**
 * Makes this process the only Shotloom: a later launch hands its project file (from its own argv,
 * sent as lock data, else parsed from the argv Electron forwards) to `onSecondLaunch` here and quits.
 * Returns false in the later launch, which must then stop starting up.
 */
export function claimSingleInstance(
  app: LockingApp,
  argv: readonly string[],
  workingDirectory: string,
  onSecondLaunch: (launch: SecondLaunch) => void,
): boolean {
  const lockData = { openFile: projectFileFromArgv(argv.slice(1), workingDirectory) };
  if (!app.requestSingleInstanceLock(lockData)) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, otherArgv, otherDirectory, additionalData) => {
    const openFile =
      openFileFromLockData(additionalData) ?? projectFileFromArgv(otherArgv.slice(1), otherDirectory);
    onSecondLaunch({ openFile });
  });
  return true;
}

/** Shows the window in front of the user: restored if minimised, shown if hidden, focused. */
export function bringToFront(
  window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>,
): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
