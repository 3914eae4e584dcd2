import { applyPatch, conflicts, diff, type Patch } from './patch';

/** One undo step: the patches of one command, or of a coalesced run (a drag, typing in a field). */
export interface HistoryStep {
  label: string;
  coalesceKey: string | null;
  /** In the order they were applied. */
  patches: Patch[];
}

export type UndoOutcome<T> =
  | { ok: true; document: T; label: string }
  | { ok: false; reason: 'empty' | 'conflict'; label: string | null };

export const defaultHistoryLimit = 200;

/**
 * Undo and redo over structural patches. Only edits are recorded; changes made by services
 * (imports, takes arriving) are not steps, and undo leaves them in place because a patch touches
 * only the parts its edit changed. When a service has since changed a part an undo step would
 * restore, that step and the older ones are dropped and undo is refused ('conflict').
 */
export class EditHistory<T> {
  private undoStack: HistoryStep[] = [];
  private redoStack: HistoryStep[] = [];
  /** The key of the step still accepting merges; any other record, undo or redo closes it. */
  private openKey: string | null = null;

  constructor(private readonly limit = defaultHistoryLimit) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  get undoLabel(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }
  get size(): number {
    return this.undoStack.length;
  }

  /** Records an applied edit; returns false when nothing changed (no step is made). */
  record(before: T, after: T, label: string, coalesceKey?: string): boolean {
    const patch = diff(before, after);
    if (patch.length === 0) return false;
    this.redoStack = [];
    const top = this.undoStack.at(-1);
    if (coalesceKey !== undefined && top && this.openKey === coalesceKey && top.coalesceKey === coalesceKey) {
      top.patches.push(patch);
      top.label = label;
      return true;
    }
    this.undoStack.push({ label, coalesceKey: coalesceKey ?? null, patches: [patch] });
    this.openKey = coalesceKey ?? null;
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
    return true;
  }

  /** Ends the current coalescing run (a drag ended), so the next equal key starts a new step. */
  closeStep(): void {
    this.openKey = null;
  }

  undo(document: T): UndoOutcome<T> {
    this.openKey = null;
    const step = this.undoStack.at(-1);
    if (!step) return { ok: false, reason: 'empty', label: null };
    let result = document;
    for (const patch of [...step.patches].reverse()) {
      if (conflicts(result, patch, 'backward').length > 0) {
        this.undoStack = [];
        return { ok: false, reason: 'conflict', label: step.label };
      }
      result = applyPatch(result, patch, 'backward');
    }
    this.undoStack.pop();
    this.redoStack.push(step);
    return { ok: true, document: result, label: step.label };
  }

  redo(document: T): UndoOutcome<T> {
    this.openKey = null;
    const step = this.redoStack.at(-1);
    if (!step) return { ok: false, reason: 'empty', label: null };
    let result = document;
    for (const patch of step.patches) {
      if (conflicts(result, patch, 'forward').length > 0) {
        this.redoStack = [];
        return { ok: false, reason: 'conflict', label: step.label };
      }
      result = applyPatch(result, patch, 'forward');
    }
    this.redoStack.pop();
    this.undoStack.push(step);
    return { ok: true, document: result, label: step.label };
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.openKey = null;
  }
}
