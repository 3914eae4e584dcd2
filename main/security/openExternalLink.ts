import { AppError } from '../../common/contract';
import { externalLinkUrl, isExternalUrlAllowed } from './externalUrls';

/** What a host offers to open a URL in the system browser (Electron: shell.openExternal). */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * The `app:openExternal` handler: resolves a link id to its allow-listed URL and hands it to the
 * host. A host without a browser to open (browser host, CLI) answers NOT_AVAILABLE_IN_HOST with the
 * URL in the message, so the user can open it themselves.
 */
export async function openExternalLink(
  link: string,
  openExternal: OpenExternal | undefined,
): Promise<{ url: string }> {
  const url = externalLinkUrl(link);
  if (url === null || !isExternalUrlAllowed(url)) {
    throw new AppError('FORBIDDEN', `"${link}" is not a link Shotloom opens.`);
  }
  if (!openExternal) {
    throw new AppError('NOT_AVAILABLE_IN_HOST', `Open this page in your browser: ${url}`, url);
  }
  await openExternal(url);
  return { url };
}
