import type { Asset } from '../model/schema/asset';

/** How exported files name their media: absolute paths, or paths relative to the exported file. */
export type MediaPathStyle = 'absolute' | 'relative';

/** Turns an asset into the path or URL an interchange file writes; supplied by the host service. */
export type MediaLocator = (asset: Asset) => string;

/** file:// URL of an absolute POSIX or Windows path, each segment percent-encoded. */
export function fileUrl(absolutePath: string): string {
  const normalised = absolutePath.replace(/\\/g, '/');
  const withRoot = normalised.startsWith('/') ? normalised : `/${normalised}`;
  return `file://${withRoot.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}`;
}

/** The path a file:// URL (or a plain path) names. */
export function pathFromUrl(url: string): string {
  if (!url.startsWith('file://')) return url;
  const path = decodeURIComponent(url.slice('file://'.length).replace(/^localhost\//, '/'));
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}
