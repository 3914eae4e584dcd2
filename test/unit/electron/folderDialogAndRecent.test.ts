import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { EventName } from '../../../common/contract';
import { EventBus } from '../../../main/core/eventBus';
import { electronChooseFolder, folderDialogOptions } from '../../../main/electron/folderDialog';
import { trackRecentProjects } from '../../../main/electron/recentProjects';

describe('folder dialog capability (mocked electron)', () => {
  it('asks for one folder, attached to the window, with wording for the purpose', async () => {
    const window = { id: 1 };
    const dialog = {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ana/Trailer'] })),
    };
    const choose = electronChooseFolder(dialog as never, () => window as never);
    expect(await choose('newProject')).toBe('/home/ana/Trailer');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, folderDialogOptions('newProject'));
    expect(folderDialogOptions('openProject').properties).toEqual(['openDirectory', 'createDirectory']);
    expect(folderDialogOptions('relinkSearch').title).toMatch(/missing media/);
    expect(folderDialogOptions('importMedia')).toMatchObject({
      title: 'Import a folder of media',
      buttonLabel: 'Import',
    });
  });

  it('answers null when the user cancels, and works without a window', async () => {
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) };
    const choose = electronChooseFolder(dialog as never, () => null);
    expect(await choose('saveProjectAs')).toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(folderDialogOptions('saveProjectAs'));
  });
});

describe('OS recent documents from project events', () => {
  it('remembers each project file once per opening, not on every edit', () => {
    const bus = new EventBus();
    const remembered: string[] = [];
    trackRecentProjects(
      (listener) => bus.subscribe(listener),
      (file) => remembered.push(file),
    );
    const change = (folder: string) =>
      bus.emit('project:changed' as EventName, { folder, label: 'Edit' } as never);
    change('/films/trailer');
    change('/films/trailer');
    change('/films/teaser');
    bus.emit('project:closed' as EventName, { folder: '/films/teaser' } as never);
    change('/films/teaser');
    bus.emit('app:ffmpegChanged', { usable: true });
    expect(remembered.map((file) => file.replace(/\\/g, '/'))).toEqual([
      '/films/trailer/project.shotloom',
      '/films/teaser/project.shotloom',
      '/films/teaser/project.shotloom',
    ]);
  });
});
