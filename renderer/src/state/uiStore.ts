/** Editor UI state: never undoable, never sent to the core. */
export interface UiState {
  /** Selected timeline items (clip / gap / transition ids). */
  selectedItemIds: readonly string[];
  /** Selected shot in the bin, if any. */
  selectedShotId: string | null;
  /** The sequence shown in the timeline; null follows the project's first sequence. */
  sequenceId: string | null;
  /** Playhead position in sequence frames. */
  playheadFrame: number;
  /** Timeline zoom in pixels per frame. */
  pixelsPerFrame: number;
}

export const initialUiState: UiState = {
  selectedItemIds: [],
  selectedShotId: null,
  sequenceId: null,
  playheadFrame: 0,
  pixelsPerFrame: 4,
};

export interface UiStore {
  getState(): UiState;
  subscribe(listener: () => void): () => void;
  /** Merges a change (or a function of the current state) into the state. */
  set(change: Partial<UiState> | ((state: UiState) => Partial<UiState>)): void;
}

const minPixelsPerFrame = 0.01;
const maxPixelsPerFrame = 64;

/** A small external store; one per editor. Values are clamped (playhead ≥ 0, zoom within range). */
export function createUiStore(initial: Partial<UiState> = {}): UiStore {
  let state: UiState = { ...initialUiState, ...initial };
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(change) {
      const patch = typeof change === 'function' ? change(state) : change;
      const next = { ...state, ...patch };
      next.playheadFrame = Math.max(0, Math.round(next.playheadFrame));
      next.pixelsPerFrame = Math.min(maxPixelsPerFrame, Math.max(minPixelsPerFrame, next.pixelsPerFrame));
      state = next;
      for (const listener of listeners) listener();
    },
  };
}
