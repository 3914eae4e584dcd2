import type { MessageBoxOptions } from 'electron';
import { confirmQuit } from './quitConfirmation';
import type { UnsavedChangesProbe } from './unsavedChanges';

interface PreventableEvent {
  preventDefault(): void;
}

type QuitApp = {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
};

type GuardedWindow = {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  close(): void;
};

/**
 * Holds the main window's close (and so the app's quit) until the user confirmed what happens to
 * unsaved changes. The window's `close` is the one place to ask: on Windows and Linux closing the
 * last window quits, and on every platform Quit closes the windows first. Once confirmed, the
 * close (and the quit, if one was under way) goes ahead.
 */
export function guardWindowClose(
  app: QuitApp,
  window: GuardedWindow,
  probe: UnsavedChangesProbe,
  ask: (options: MessageBoxOptions) => Promise<number>,
): void {
  let quitting = false;
  let confirmed = false;
  let asking = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (confirmed) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void confirmQuit(probe, ask).then((mayClose) => {
      asking = false;
      if (!mayClose) {
        quitting = false;
        return;
      }
      confirmed = true;
      if (quitting) app.quit();
      else window.close();
    });
  });
}
