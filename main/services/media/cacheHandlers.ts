import { AppError } from '../../../common/contract';
import type { Handler } from '../../core/handlers';
import type { ProjectAccess } from '../project/projectAccess';
import { clearProjectCache, projectCacheInfo } from './projectCache';

export interface CacheHandlerDeps {
  projects: ProjectAccess;
  /** Why the cache cannot be emptied now (an export reads edit-ready copies from it), or null. */
  busyReason?: () => string | null;
}

/** `media:cacheInfo` and `media:clearCache` over the open project's cache/ folder. */
export function cacheHandlers(deps: CacheHandlerDeps): {
  'media:cacheInfo': Handler<'media:cacheInfo'>;
  'media:clearCache': Handler<'media:clearCache'>;
} {
  return {
    'media:cacheInfo': () => projectCacheInfo(deps.projects.current().folder),
    'media:clearCache': () => {
      const folder = deps.projects.current().folder;
      const busy = deps.busyReason?.() ?? null;
      if (busy) throw new AppError('CONFLICT', `The cache cannot be emptied now: ${busy}.`);
      return clearProjectCache(folder);
    },
  };
}
