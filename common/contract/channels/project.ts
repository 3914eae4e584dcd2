import { z } from 'zod';
import type { Project } from '../../model/schema/project';
import { editCommandSchema } from '../../model/commands/editCommand';
import { channel } from '../define';

export type { EditCommand, EditCommandInput } from '../../model/commands/editCommand';

/**
 * Where a project folder is. The renderer never names a path to read: it names a folder under the
 * projects root (`<dataDir>/projects/<name>`), a folder the core listed itself (recent projects), or
 * asks the host to show a folder dialog. Only the CLI host may pass a path (`kind: 'path'`); other
 * hosts get FORBIDDEN.
 */
export const folderNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine(
    (name) =>
      name !== '.' && name !== '..' && ![...name].some((char) => '/\\:*?"<>|'.includes(char) || char < ' '),
    { message: 'a folder name without / \\ : * ? " < > | or control characters' },
  );

export const projectLocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('projectsRoot'), name: folderNameSchema }).strict(),
  z.object({ kind: z.literal('recent'), folder: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('dialog') }).strict(),
  z.object({ kind: z.literal('path'), folder: z.string().min(1) }).strict(),
]);
export type ProjectLocation = z.infer<typeof projectLocationSchema>;

/** Where relink searches: a folder from a host dialog, the project folder, or (CLI only) a path. */
export const searchFolderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('projectFolder') }).strict(),
  z.object({ kind: z.literal('dialog') }).strict(),
  z.object({ kind: z.literal('path'), folder: z.string().min(1) }).strict(),
]);

const rateRequest = z.object({ num: z.number().int().positive(), den: z.number().int().positive() });

/** The open project as every window sees it. */
export interface ProjectSnapshot {
  folder: string;
  /** The folder's own name, for titles. */
  folderName: string;
  document: Project;
  /** Increases on every document change (edit, undo, redo, service update, recover). */
  revision: number;
  /** Unsaved changes exist. */
  dirty: boolean;
  /** Assets whose file cannot be found (relink them with project:relink). */
  missingAssetIds: string[];
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/** `project:changed`: the snapshot after a change, and what changed it ("Move clip", "Take arrived"). */
export interface ProjectChange extends ProjectSnapshot {
  label: string;
}

export interface OpenProjectResult {
  snapshot: ProjectSnapshot;
  /** A recovery file newer than the saved project exists: offer project:recover / project:discardRecovery. */
  recoveryAvailable: { savedAt: string; revision: number } | null;
}

export interface RecentProject {
  folder: string;
  folderName: string;
  exists: boolean;
}

const empty = z.object({}).strict();

export const projectChannels = {
  'project:new': channel(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        location: projectLocationSchema,
        rate: rateRequest.optional(),
        width: z.number().int().positive().max(16384).optional(),
        height: z.number().int().positive().max(16384).optional(),
      })
      .strict(),
  ).returns<OpenProjectResult>(),
  /** Opens a project; PROJECT_LOCKED when another live process holds it (unless takeOverLock). */
  'project:open': channel(
    z.object({ location: projectLocationSchema, takeOverLock: z.boolean().default(false) }).strict(),
  ).returns<OpenProjectResult>(),
  'project:save': channel(empty).returns<ProjectSnapshot>(),
  /** Saves a copy (document, media/) into a new folder and continues there. */
  'project:saveAs': channel(
    z.object({ location: projectLocationSchema }).strict(),
  ).returns<ProjectSnapshot>(),
  /** Closes the project; CONFLICT while there are unsaved changes unless discardChanges. */
  'project:close': channel(z.object({ discardChanges: z.boolean().default(false) }).strict()).returns<{
    closed: boolean;
  }>(),
  'project:recent': channel(empty).returns<RecentProject[]>(),
  /** The open project, or null when none is open. */
  'project:get': channel(empty).returns<ProjectSnapshot | null>(),
  /** One editing command (an undo step); equal coalesceKeys in a row merge into one step. */
  'project:edit': channel(
    z.object({ command: editCommandSchema, coalesceKey: z.string().min(1).max(200).optional() }).strict(),
  ).returns<ProjectSnapshot>(),
  /**
   * Several commands as one undo step, all or nothing (a multi-clip move, a paste): the first
   * refusal names the command and nothing changes.
   */
  'project:editBatch': channel(
    z
      .object({
        commands: z.array(editCommandSchema).min(1).max(500),
        coalesceKey: z.string().min(1).max(200).optional(),
        label: z.string().min(1).max(100).optional(),
      })
      .strict(),
  ).returns<ProjectSnapshot>(),
  'project:undo': channel(empty).returns<ProjectSnapshot>(),
  'project:redo': channel(empty).returns<ProjectSnapshot>(),
  /** Replaces the document with the autosaved recovery file (unsaved until saved). */
  'project:recover': channel(empty).returns<ProjectSnapshot>(),
  'project:discardRecovery': channel(empty).returns<{ discarded: boolean }>(),
  /** Looks for a missing asset's file in a folder by name, size and content hash. */
  'project:relink': channel(
    z.object({ assetId: z.string().min(1), searchIn: searchFolderSchema }).strict(),
  ).returns<{ relinkedAssetIds: string[]; stillMissingAssetIds: string[] }>(),
};
