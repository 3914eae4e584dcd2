import { externalLinks, type ExternalLinkId } from '../../common/contract';

const allowedUrls = new Set<string>(Object.values(externalLinks));

/**
 * True only for an https URL that is exactly one of the allow-listed provider pages (after URL
 * normalisation), with no credentials, no port and no fragment. Everything else, including
 * provider-returned URLs and links found in project files, stays inside the app.
 */
export function isExternalUrlAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '' || parsed.hash !== '') {
    return false;
  }
  return allowedUrls.has(parsed.href) && parsed.href === url;
}

/** The URL behind a link id, or null for an id that is not on the list. */
export function externalLinkUrl(link: string): string | null {
  return Object.prototype.hasOwnProperty.call(externalLinks, link)
    ? externalLinks[link as ExternalLinkId]
    : null;
}
