import type {
  AppErrorShape,
  EditCommandInput,
  ProjectSnapshot,
  Result,
  ShotloomApi,
} from '../../../common/contract';

/** What the editor knows about the open project. */
export type ProjectState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'open'; snapshot: ProjectSnapshot }
  | { status: 'failed'; error: AppErrorShape };

export interface ProjectStore {
  getState(): ProjectState;
  subscribe(listener: () => void): () => void;
  /** Sends one command; equal coalesceKeys in a row (a drag, typing) become one undo step. */
  edit(command: EditCommandInput, coalesceKey?: string): Promise<Result<ProjectSnapshot>>;
  /** Several commands as one undo step, all or nothing (a multi-clip move, a paste). */
  editBatch(
    commands: EditCommandInput[],
    options?: { coalesceKey?: string; label?: string },
  ): Promise<Result<ProjectSnapshot>>;
  undo(): Promise<Result<ProjectSnapshot>>;
  redo(): Promise<Result<ProjectSnapshot>>;
  /** Loads the snapshot again with project:get (after open / new / close). */
  refresh(): Promise<void>;
  /** Stops following events. */
  dispose(): void;
}

/**
 * The document side of the renderer state: a snapshot of the open project kept by the core. It
 * loads with project:get, follows `project:changed` / `project:closed`, and sends edits, undo and
 * redo to the core (which owns history). Snapshots are applied in revision order, so a late answer
 * never overwrites a newer event. One store per editor (createProjectStore), no module singletons.
 */
export function createProjectStore(api: ShotloomApi): ProjectStore {
  let state: ProjectState = { status: 'loading' };
  const listeners = new Set<() => void>();

  const set = (next: ProjectState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  /** Keeps the newest snapshot of the same folder; a snapshot of another folder replaces it. */
  const accept = (snapshot: ProjectSnapshot) => {
    if (
      state.status === 'open' &&
      state.snapshot.folder === snapshot.folder &&
      (state.snapshot.revision > snapshot.revision ||
        (state.snapshot.revision === snapshot.revision && state.snapshot.dirty === snapshot.dirty))
    ) {
      return;
    }
    set({ status: 'open', snapshot });
  };

  const unsubscribeChanged = api.on('project:changed', (change) => {
    const { label: _label, ...snapshot } = change;
    void _label;
    accept(snapshot);
  });
  const unsubscribeClosed = api.on('project:closed', () => set({ status: 'none' }));

  const afterCall = (result: Result<ProjectSnapshot>) => {
    if (result.ok) accept(result.value);
    return result;
  };

  const refresh = async () => {
    const result = await api.invoke('project:get', {});
    if (!result.ok) set({ status: 'failed', error: result.error });
    else if (result.value === null) set({ status: 'none' });
    else set({ status: 'open', snapshot: result.value });
  };
  void refresh();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit: async (command, coalesceKey) =>
      afterCall(
        await api.invoke('project:edit', coalesceKey === undefined ? { command } : { command, coalesceKey }),
      ),
    editBatch: async (commands, options = {}) =>
      afterCall(await api.invoke('project:editBatch', { commands, ...options })),
    undo: async () => afterCall(await api.invoke('project:undo', {})),
    redo: async () => afterCall(await api.invoke('project:redo', {})),
    refresh,
    dispose() {
      unsubscribeChanged();
      unsubscribeClosed();
      listeners.clear();
    },
  };
}
