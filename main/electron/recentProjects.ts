import type { EventName, EventPayload } from '../../common/contract';
import { projectFilePath } from '../services/project/projectFolder';

type Subscribe = (listener: (event: EventName, payload: unknown) => void) => () => void;

/**
 * Tells the OS about each project the user opens, creates or saves under a new name (the first
 * change seen for a folder), so it shows in the Dock menu, File ▸ Open Recent and Jump Lists.
 */
export function trackRecentProjects(
  subscribe: Subscribe,
  remember: (projectFile: string) => void,
): () => void {
  let current: string | null = null;
  return subscribe((event, payload) => {
    if (event === 'project:closed') current = null;
    if (event !== 'project:changed') return;
    const { folder } = payload as EventPayload<'project:changed'>;
    if (folder === current) return;
    current = folder;
    remember(projectFilePath(folder));
  });
}
