import { useEffect, useState } from 'react';
import type { RecentProject } from '../../../../common/contract';
import { useApi } from '../../api/ApiContext';

/** The recent projects list, loaded when `active` turns true. */
export function useRecentProjects(active: boolean): RecentProject[] {
  const api = useApi();
  const [recent, setRecent] = useState<RecentProject[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void api.invoke('project:recent', {}).then((result) => {
      if (live && result.ok) setRecent(result.value);
    });
    return () => {
      live = false;
    };
  }, [active, api]);
  return recent;
}
