import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MenuItemConstructorOptions } from 'electron';
import { externalLinks, menuCommands } from '../../../common/contract';
import { applicationMenuTemplate, type MenuActions } from '../../../main/electron/applicationMenu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(platform: NodeJS.Platform, isPackaged = true) {
  const actions = { command: vi.fn(), openLink: vi.fn() } satisfies MenuActions;
  const template = applicationMenuTemplate(platform, isPackaged, actions);
  return { template, actions, items: flatten(template) };
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void | undefined)?.();

describe('application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has the standard menus on %s', (platform) => {
    const { template } = build(platform);
    const roles = template.map((item) => item.role ?? item.label?.replace('&', ''));
    expect(roles).toEqual([
      ...(platform === 'darwin' ? ['appMenu'] : []),
      'File',
      'editMenu',
      'Shot',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
  });

  it('reaches every editor command, each sent to the renderer by id', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { items, actions } = build(platform);
      for (const item of items) click(item);
      const sent = actions.command.mock.calls.map(([command]) => command as string);
      expect(new Set(sent), platform).toEqual(new Set(menuCommands));
    }
  });

  it('opens provider key pages by link id only', () => {
    const { items, actions } = build('linux');
    for (const item of items) click(item);
    const links = actions.openLink.mock.calls.map(([link]) => link as string);
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const link of links) expect(Object.keys(externalLinks)).toContain(link);
  });

  it('offers Open Recent where the OS keeps recent documents for the app (macOS)', () => {
    expect(build('darwin').items.some((item) => item.role === 'recentDocuments')).toBe(true);
    expect(build('linux').items.some((item) => item.role === 'recentDocuments')).toBe(false);
  });

  it('keeps reload and the developer tools out of the packaged app', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    expect(build('linux', true).items.filter((item) => devOnly.includes(item.role ?? ''))).toEqual([]);
    expect(build('linux', false).items.filter((item) => devOnly.includes(item.role ?? ''))).toHaveLength(3);
  });

  it('gives no two items the same accelerator', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const accelerators = build(platform)
        .items.map((item) => item.accelerator)
        .filter((accelerator): accelerator is string => typeof accelerator === 'string');
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });
});
