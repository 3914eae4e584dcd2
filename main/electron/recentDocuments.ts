import type { App } from 'electron';

/**
 * Adds a project to the OS's recent documents (macOS Dock and File ▸ Open Recent, Windows Jump
 * List). Linux desktops have no Electron API for it, so nothing happens there.
 */
export function rememberRecentProject(
  app: Pick<App, 'addRecentDocument'>,
  path: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== 'darwin' && platform !== 'win32') return false;
  app.addRecentDocument(path);
  return true;
}
