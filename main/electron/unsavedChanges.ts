/**
 * What the quit guard asks before the app closes. The project service implements it; until then
 * the default says there is nothing unsaved.
 */
export interface UnsavedChangesProbe {
  /** Display names of the open documents with unsaved changes; empty when all is saved. */
  unsavedDocuments(): Promise<string[]>;
  /** Saves them all; false when a save failed or the user cancelled a Save As dialog. */
  saveAll(): Promise<boolean>;
}

export const noUnsavedChanges: UnsavedChangesProbe = {
  unsavedDocuments: async () => [],
  saveAll: async () => true,
};
