import { useCallback, useState } from 'react';
import type { AppErrorShape, OpenProjectResult, ProjectLocation } from '../../../../common/contract';
import { useApi } from '../../api/ApiContext';
import { useProjectState } from '../../state';

/** What the user must decide after an open: a newer autosave to recover, or a lock held elsewhere. */
export type PendingDecision =
  | { kind: 'recovery'; savedAt: string }
  | { kind: 'locked'; location: ProjectLocation; message: string }
  | null;

export interface NewProjectInput {
  name: string;
  location: ProjectLocation;
  rate: { num: number; den: number };
  width: number;
  height: number;
}

/**
 * Opening, creating, saving and closing projects, with the two questions an open can raise: recover
 * unsaved work from the autosave (never applied silently), or open a project another window holds.
 */
export function useProjectActions() {
  const api = useApi();
  const { refresh, snapshot } = useProjectState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [pending, setPending] = useState<PendingDecision>(null);

  const afterOpen = useCallback(
    async (result: OpenProjectResult) => {
      await refresh();
      setPending(
        result.recoveryAvailable ? { kind: 'recovery', savedAt: result.recoveryAvailable.savedAt } : null,
      );
    },
    [refresh],
  );

  const run = useCallback(
    async <T>(
      work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>,
    ): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        const result = await work();
        if (!result.ok) {
          if (result.error.code !== 'CANCELLED') setError(result.error);
          return null;
        }
        return result.value;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const open = useCallback(
    async (location: ProjectLocation, takeOverLock = false): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.invoke('project:open', { location, takeOverLock });
        if (!result.ok) {
          if (result.error.code === 'PROJECT_LOCKED')
            setPending({ kind: 'locked', location, message: result.error.message });
          else if (result.error.code !== 'CANCELLED') setError(result.error);
          return false;
        }
        await afterOpen(result.value);
        return true;
      } finally {
        setBusy(false);
      }
    },
    [afterOpen, api],
  );

  const create = useCallback(
    async (input: NewProjectInput): Promise<boolean> => {
      const value = await run(() => api.invoke('project:new', input));
      if (value) await afterOpen(value);
      return value !== null;
    },
    [afterOpen, api, run],
  );

  const save = useCallback(
    async () => (await run(() => api.invoke('project:save', {}))) !== null,
    [api, run],
  );
  const saveAs = useCallback(
    async (location: ProjectLocation) =>
      (await run(() => api.invoke('project:saveAs', { location }))) !== null,
    [api, run],
  );
  const close = useCallback(
    async (discardChanges: boolean) => {
      const value = await run(() => api.invoke('project:close', { discardChanges }));
      if (value) await refresh();
      return value?.closed ?? false;
    },
    [api, refresh, run],
  );
  const recover = useCallback(async () => {
    await run(() => api.invoke('project:recover', {}));
    setPending(null);
  }, [api, run]);
  const discardRecovery = useCallback(async () => {
    await run(() => api.invoke('project:discardRecovery', {}));
    setPending(null);
  }, [api, run]);

  return {
    snapshot,
    busy,
    error,
    setError,
    pending,
    setPending,
    open,
    create,
    save,
    saveAs,
    close,
    recover,
    discardRecovery,
  };
}

export type ProjectActions = ReturnType<typeof useProjectActions>;
