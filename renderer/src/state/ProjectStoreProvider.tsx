import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext';
import { createProjectStore, type ProjectState, type ProjectStore } from './projectStore';
import { createUiStore, type UiState, type UiStore } from './uiStore';

interface EditorStores {
  project: ProjectStore;
  ui: UiStore;
}

const StoresContext = createContext<EditorStores | null>(null);

/** Creates this editor's stores (document + UI) and gives them to the panels below. */
export function ProjectStoreProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [stores] = useState<EditorStores>(() => ({ project: createProjectStore(api), ui: createUiStore() }));
  useEffect(() => () => stores.project.dispose(), [stores]);
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): EditorStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useProjectState / useUiState outside ProjectStoreProvider');
  return stores;
}

export interface ProjectStateView {
  state: ProjectState;
  /** The open project's document and flags, or null. */
  snapshot: Extract<ProjectState, { status: 'open' }>['snapshot'] | null;
  edit: ProjectStore['edit'];
  editBatch: ProjectStore['editBatch'];
  undo: ProjectStore['undo'];
  redo: ProjectStore['redo'];
  refresh: ProjectStore['refresh'];
  canUndo: boolean;
  canRedo: boolean;
}

/** The open project (document, revision, dirty, missing media) and the editing actions. */
export function useProjectState(): ProjectStateView {
  const { project } = useStores();
  const state = useSyncExternalStore(project.subscribe, project.getState, project.getState);
  const snapshot = state.status === 'open' ? state.snapshot : null;
  return {
    state,
    snapshot,
    edit: project.edit,
    editBatch: project.editBatch,
    undo: project.undo,
    redo: project.redo,
    refresh: project.refresh,
    canUndo: snapshot?.canUndo ?? false,
    canRedo: snapshot?.canRedo ?? false,
  };
}

/**
 * Selection, playhead and zoom; `select(state => …)` re-renders only when that value changes, so
 * select a primitive or a stored object (`s => s.playheadFrame`), never a new object or array.
 */
export function useUiState<T>(select: (state: UiState) => T): [T, UiStore['set']] {
  const { ui } = useStores();
  const read = () => select(ui.getState());
  const value = useSyncExternalStore(ui.subscribe, read, read);
  return [value, ui.set];
}

/** The UI store itself, for event handlers that read without re-rendering. */
export function useUiStore(): UiStore {
  return useStores().ui;
}
