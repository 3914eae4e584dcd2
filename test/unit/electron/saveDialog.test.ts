import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { electronChooseSaveFile, saveDialogOptions } from '../../../main/electron/saveDialog';

describe('export save dialog (mocked electron)', () => {
  it('suggests the name with its extension and filters by it', () => {
    expect(saveDialogOptions('Kite film', '.mp4')).toMatchObject({
      defaultPath: 'Kite film.mp4',
      filters: [{ name: 'MP4', extensions: ['mp4'] }],
    });
    expect(saveDialogOptions('cut.mov', 'mov').defaultPath).toBe('cut.mov');
  });

  it('answers the chosen path, or null when the user cancels', async () => {
    const window = {} as never;
    const chosen = electronChooseSaveFile(
      { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/films/cut.mp4' })) } as never,
      () => window,
    );
    expect(await chosen({ suggestedName: 'cut', extension: 'mp4' })).toBe('/films/cut.mp4');
    const cancelled = electronChooseSaveFile(
      { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) } as never,
      () => null,
    );
    expect(await cancelled({ suggestedName: 'cut', extension: 'mp4' })).toBeNull();
  });
});
