import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MessageBoxOptions } from 'electron';
import { confirmQuit, quitChoice, quitDialogOptions } from '../../../main/electron/quitConfirmation';
import { guardWindowClose } from '../../../main/electron/quitGuard';
import { noUnsavedChanges, type UnsavedChangesProbe } from '../../../main/electron/unsavedChanges';

function probe(documents: string[], saved: boolean | Error = true) {
  const saveAll = vi.fn(async () => {
    if (saved instanceof Error) throw saved;
    return saved;
  });
  return { unsavedDocuments: vi.fn(async () => documents), saveAll } satisfies UnsavedChangesProbe;
}

const answer = (response: number) => vi.fn(async (_options: MessageBoxOptions) => response);

describe('quit confirmation', () => {
  it('quits without asking when nothing is unsaved (the default probe)', async () => {
    const ask = answer(2);
    expect(await confirmQuit(noUnsavedChanges, ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('offers Save, Don’t Save and Cancel, with Cancel as the escape answer', () => {
    const options = quitDialogOptions(['Trailer']);
    expect(options.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(2);
    expect(options.message).toContain('"Trailer"');
    expect(quitDialogOptions(['a', 'b']).message).toContain('2 projects');
    expect([0, 1, 2, 3, -1].map(quitChoice)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });

  it('Save quits only when saving worked', async () => {
    const works = probe(['Trailer'], true);
    expect(await confirmQuit(works, answer(0))).toBe(true);
    expect(works.saveAll).toHaveBeenCalledTimes(1);
    expect(await confirmQuit(probe(['Trailer'], false), answer(0))).toBe(false);
    expect(await confirmQuit(probe(['Trailer'], new Error('disk full')), answer(0))).toBe(false);
  });

  it('Don’t Save quits without saving; Cancel stays', async () => {
    const discard = probe(['Trailer']);
    expect(await confirmQuit(discard, answer(1))).toBe(true);
    expect(discard.saveAll).not.toHaveBeenCalled();
    const cancel = probe(['Trailer']);
    expect(await confirmQuit(cancel, answer(2))).toBe(false);
    expect(cancel.saveAll).not.toHaveBeenCalled();
  });

  it('asks anyway when the probe itself fails', async () => {
    const broken: UnsavedChangesProbe = {
      unsavedDocuments: async () => {
        throw new Error('store busy');
      },
      saveAll: async () => true,
    };
    const ask = answer(2);
    expect(await confirmQuit(broken, ask)).toBe(false);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});

/** A window and an app that emit preventable events the way Electron does. */
function fakeAppAndWindow() {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const window = Object.assign(new EventEmitter(), { close: vi.fn() });
  const fire = (target: EventEmitter, name: string) => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    target.emit(name, event);
    return event.defaultPrevented;
  };
  return { app, window, fire };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quit guard on the main window (mocked electron)', () => {
  it('holds the close, asks, and on Cancel keeps the window and forgets the quit', async () => {
    const { app, window, fire } = fakeAppAndWindow();
    const ask = answer(2);
    guardWindowClose(app, window, probe(['Trailer']), ask);
    fire(app, 'before-quit');
    expect(fire(window, 'close')).toBe(true);
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(window.close).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a second close while the dialog is open does not open another dialog', async () => {
    const { app, window, fire } = fakeAppAndWindow();
    let respond: (n: number) => void = () => undefined;
    const ask = vi.fn(() => new Promise<number>((resolve) => (respond = resolve)));
    guardWindowClose(app, window, probe(['Trailer']), ask);
    fire(window, 'close');
    await settle();
    expect(fire(window, 'close')).toBe(true);
    respond(1);
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(window.close).toHaveBeenCalledTimes(1);
  });

  it('after Don’t Save during a quit, quits again and lets the close through', async () => {
    const { app, window, fire } = fakeAppAndWindow();
    guardWindowClose(app, window, probe(['Trailer']), answer(1));
    fire(app, 'before-quit');
    fire(window, 'close');
    await settle();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(window.close).not.toHaveBeenCalled();
    expect(fire(window, 'close')).toBe(false);
  });

  it('after Save on a plain window close, saves, then closes the window', async () => {
    const { app, window, fire } = fakeAppAndWindow();
    const saving = probe(['Trailer'], true);
    guardWindowClose(app, window, saving, answer(0));
    fire(window, 'close');
    await settle();
    expect(saving.saveAll).toHaveBeenCalledTimes(1);
    expect(window.close).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
