import type { Shell } from 'electron';
import { AppError } from '../../common/contract';
import { isExternalUrlAllowed } from '../security/externalUrls';
import type { OpenExternal } from '../security/openExternalLink';

/**
 * The Electron host's openExternal capability: shell.openExternal, but only for allow-listed https
 * provider pages, checked here again so no other caller can slip a free URL through.
 */
export function allowListedOpenExternal(shell: Pick<Shell, 'openExternal'>): OpenExternal {
  return async (url) => {
    if (!isExternalUrlAllowed(url)) {
      throw new AppError('FORBIDDEN', 'Shotloom opens only its list of provider pages in the browser.', url);
    }
    await shell.openExternal(url, { activate: true });
  };
}
