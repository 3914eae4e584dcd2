import type { Project } from '../../../common/model';

/**
 * How services other than the project store reach the open project. The project store implements
 * it; media import, generation and export use it, so none of them reads or writes project files.
 */
export interface OpenProject {
  /** The project folder (holds the project file, media/, cache/, exports/). */
  readonly folder: string;
  /** The current document (immutable; replaced on every change). */
  readonly document: Project;
  /**
   * Applies a change that is not an undo step (an import, a take arriving from a job), marks the
   * project dirty and tells every window. The function must return a new document (or the same one
   * for no change); the result is validated against the schema.
   */
  update(change: (document: Project) => Project, label: string): Project;
  /** An asset's path as stored (relative to the folder, or absolute) to an absolute path. */
  resolvePath(storedPath: string): string;
}

export interface ProjectAccess {
  /** The open project, or an AppError PROJECT_NOT_OPEN. */
  current(): OpenProject;
  /** The open project or null. */
  currentOrNull(): OpenProject | null;
}
