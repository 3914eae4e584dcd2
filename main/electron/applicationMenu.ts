import type { MenuItemConstructorOptions } from 'electron';
import type { ExternalLinkId, MenuCommand } from '../../common/contract';

export interface MenuActions {
  /** Sends an editor command to the focused window's renderer as `app:menuCommand`. */
  command(command: MenuCommand): void;
  /** Opens an allow-listed provider page in the system browser. */
  openLink(link: ExternalLinkId): void;
}

const providerPages: ReadonlyArray<{ label: string; link: ExternalLinkId }> = [
  { label: 'Runway Developer Portal', link: 'runway.portal' },
  { label: 'Google AI Studio API Keys', link: 'google.keys' },
  { label: 'OpenAI API Keys', link: 'openai.keys' },
  { label: 'Luma API Keys', link: 'luma.keys' },
  { label: 'fal API Keys', link: 'fal.keys' },
  { label: 'Replicate API Tokens', link: 'replicate.keys' },
  { label: 'CometAPI Tokens', link: 'cometapi.keys' },
];

/**
 * The application menu: the platform's standard roles (app, edit, view, window, help) plus the
 * editor's own commands, which only notify the renderer. Pure, so it is tested without Electron.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });
  const settings = item('Settings…', 'app.settings', 'CmdOrCtrl+,');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      item('New Project', 'project.new', 'CmdOrCtrl+N'),
      item('Open Project…', 'project.open', 'CmdOrCtrl+O'),
      ...(mac
        ? [
            {
              role: 'recentDocuments',
              submenu: [{ role: 'clearRecentDocuments' }],
            } satisfies MenuItemConstructorOptions,
          ]
        : []),
      { type: 'separator' },
      item('Save', 'project.save', 'CmdOrCtrl+S'),
      item('Save As…', 'project.saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      item('Import Media…', 'media.import', 'CmdOrCtrl+I'),
      item('Export…', 'render.export', 'CmdOrCtrl+E'),
      ...(mac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const]),
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const shotMenu: MenuItemConstructorOptions = {
    label: mac ? 'Shot' : '&Shot',
    submenu: [
      item('New Shot', 'shot.new', 'CmdOrCtrl+Shift+N'),
      item('Generate Take', 'shot.generate', 'CmdOrCtrl+G'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      ...(isPackaged
        ? []
        : [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
          ]),
      ...(isPackaged ? [] : [{ type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      item('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/'),
      { type: 'separator' },
      {
        label: 'Get API Keys',
        submenu: providerPages.map(({ label, link }) => ({ label, click: () => actions.openLink(link) })),
      },
    ],
  };

  return [...appMenu, fileMenu, { role: 'editMenu' }, shotMenu, viewMenu, { role: 'windowMenu' }, helpMenu];
}
