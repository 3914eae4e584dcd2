import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where settings, the job journal and caches live for the browser and CLI hosts (the Electron host
 * uses app.getPath('userData')). SHOTLOOM_DATA_DIR overrides it, which tests use.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHOTLOOM_DATA_DIR) return env.SHOTLOOM_DATA_DIR;
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Shotloom');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Shotloom');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'shotloom');
}
