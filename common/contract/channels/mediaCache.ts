import { z } from 'zod';
import { channel } from '../define';

/** What the open project's cache/ holds (proxies, peaks, thumbnails, probe results, edit-ready copies). */
export interface CacheInfo {
  bytes: number;
  files: number;
}

export const mediaCacheChannels = {
  /** Bytes and files under the open project's cache/ folder. */
  'media:cacheInfo': channel(z.object({}).strict()).returns<CacheInfo>(),
  /** Empties the open project's cache/ (everything in it is made again when needed). */
  'media:clearCache': channel(z.object({}).strict()).returns<CacheInfo & { removedBytes: number }>(),
};
