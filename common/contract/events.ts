import type { AppErrorShape } from './appError';
import type { JobSummary } from './channels/job';
import type { ImportProgress } from './channels/media';
import type { ProjectChange } from './channels/project';
import { event } from './define';

/** Editor commands the application menu sends to the renderer as `app:menuCommand`. */
export const menuCommands = [
  'project.new',
  'project.open',
  'project.save',
  'project.saveAs',
  'media.import',
  'render.export',
  'shot.new',
  'shot.generate',
  'app.settings',
  'help.shortcuts',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** Every event the core pushes to windows, `domain:pastTense`. */
export const events = {
  'app:ffmpegChanged': event<{ usable: boolean }>(),
  /** The user chose an editor command in the application menu. */
  'app:menuCommand': event<{ command: MenuCommand }>(),
  /** The OS asked to open a .shotloom file (second launch, file association, macOS open-file). */
  'app:openFileRequested': event<{ path: string; error?: AppErrorShape }>(),
  /** The open project changed (edit, undo, redo, service update, save, open): its new snapshot. */
  'project:changed': event<ProjectChange>(),
  /** The open project was closed. */
  'project:closed': event<{ folder: string }>(),
  /**
   * An autosave of unsaved changes ran: error null when the recovery file was written; otherwise the
   * changes since the last save or autosave exist only in memory until a save or autosave succeeds.
   */
  'project:autosaved': event<{ folder: string; at: string; error: AppErrorShape | null }>(),
  /** media:import finished one more file (and once at the start, with done 0). */
  'media:importProgressed': event<ImportProgress>(),
  /** An export (or edit-ready) job moved on: overall fraction 0..1, seconds left when known. */
  'render:progressed': event<{ jobId: string; fraction: number; etaSeconds: number | null; stage: string }>(),
  /** An export (or edit-ready) job ended; outputPath is the verified file. */
  'render:finished': event<{
    jobId: string;
    ok: boolean;
    outputPath?: string;
    error?: { code: string; message: string };
  }>(),
  /** A generation job changed state, progress or waiting reason (never carries keys or links). */
  'job:progressed': event<{ job: JobSummary }>(),
  /** A generation job ended: succeeded, failed, cancelled or uncertain. */
  'job:finished': event<{ job: JobSummary }>(),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E]['payload'];
