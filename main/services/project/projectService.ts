import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { AppError, type ProjectChange, type ProjectSnapshot } from '../../../common/contract';
import type { OpenProjectResult } from '../../../common/contract/channels/project';
import { newProject, type Project } from '../../../common/model';
import { applyCommand } from '../../../common/model/commands/applyCommand';
import { applyCommands } from '../../../common/model/commands/applyCommands';
import type { EditCommand } from '../../../common/model/commands/editCommand';
import { describeCommand } from '../../../common/model/commands/describeCommand';
import { EditHistory } from '../../../common/model/history/editHistory';
import { validateDocument } from '../../../common/model/validation/parseProject';
import type { EventEmit } from '../../core/handlers';
import { fileError } from './fileErrors';
import { findMissingAssets, updateMissingAssets } from './missingMedia';
import type { OpenProject, ProjectAccess } from './projectAccess';
import {
  defaultWriteFile,
  readProjectFile,
  removeStaleTempFiles,
  writeProjectFile,
  type WriteFile,
} from './projectFileIo';
import {
  folderDisplayName,
  projectFilePath,
  projectFolderOf,
  projectSubfolders,
  resolveStoredPath,
  toStoredPath,
} from './projectFolder';
import { acquireLock, lockOwnerFor, releaseLock, type LockOwner } from './projectLock';
import { readOfferableRecovery, removeRecovery, writeRecovery, type RecoveryContent } from './recoveryFile';
import { searchForAssets } from './relinkSearch';

export interface ProjectServiceOptions {
  emit: EventEmit;
  host: string;
  /** Recent project folders are kept here (most recent first). */
  recent: { load(): Promise<string[]>; save(folders: string[]): Promise<void> };
  /** Autosave period for unsaved changes; 30 s by default, 0 turns it off. */
  autosaveIntervalMs?: number;
  /** How files are written (atomically by default); tests inject failures here. */
  writeFile?: WriteFile;
  now?: () => Date;
}

interface OpenState {
  folder: string;
  document: Project;
  revision: number;
  savedRevision: number;
  autosavedRevision: number;
  history: EditHistory<Project>;
  missing: Set<string>;
  recovery: RecoveryContent | null;
}

const recentLimit = 10;

/**
 * The project store: one open project per core, shared by every window. It implements ProjectAccess
 * for other services, keeps undo history for edits, saves atomically with a ring of versions,
 * autosaves unsaved changes to a recovery file, and locks the folder against other processes.
 */
export class ProjectService implements ProjectAccess {
  private state: OpenState | null = null;
  private readonly lockOwner: LockOwner;
  private readonly writeFile: WriteFile;
  private readonly now: () => Date;
  private autosaveTimer: ReturnType<typeof setInterval> | null = null;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ProjectServiceOptions) {
    this.lockOwner = lockOwnerFor(randomBytes(8).toString('hex'), options.host);
    this.writeFile = options.writeFile ?? defaultWriteFile;
    this.now = options.now ?? (() => new Date());
  }

  // ProjectAccess -------------------------------------------------------------------------------

  current(): OpenProject {
    const open = this.currentOrNull();
    if (!open) throw new AppError('PROJECT_NOT_OPEN', 'Open or create a project first.');
    return open;
  }

  currentOrNull(): OpenProject | null {
    const state = this.state;
    if (!state) return null;
    // getters: a service that keeps this object reads the document and folder as they are now
    return {
      get folder() {
        return state.folder;
      },
      get document() {
        return state.document;
      },
      update: (change, label) => this.update(state, change, label),
      resolvePath: (storedPath) => resolveStoredPath(state.folder, storedPath),
    };
  }

  // lifecycle ----------------------------------------------------------------------------------

  snapshot(): ProjectSnapshot | null {
    return this.state ? this.snapshotOf(this.state) : null;
  }

  /** Creates a project folder with an empty project and opens it. */
  async create(folder: string, document: Parameters<typeof newProject>[0]): Promise<OpenProjectResult> {
    const target = projectFolderOf(folder);
    this.refuseIfDirty('creating another project');
    const entries = await readdir(target).catch(() => null);
    if (entries && entries.length > 0) {
      throw new AppError(
        'CONFLICT',
        `The folder ${target} is not empty; choose a new folder for the project.`,
      );
    }
    try {
      for (const sub of projectSubfolders) await mkdir(`${target}/${sub}`, { recursive: true });
    } catch (error) {
      throw fileError(error, 'Creating the project folder');
    }
    await writeProjectFile(target, newProject({ ...document, now: this.now() }), this.writeFile, this.now());
    return this.open(target, false);
  }

  /** Opens a project folder (or its project.shotloom); the previous project must be saved or closed. */
  async open(pathOrFolder: string, takeOverLock: boolean): Promise<OpenProjectResult> {
    const folder = projectFolderOf(pathOrFolder);
    if (this.state?.folder === folder)
      return { snapshot: this.snapshotOf(this.state), recoveryAvailable: null };
    this.refuseIfDirty('opening another project');
    const { document } = await readProjectFile(folder);
    await acquireLock(folder, this.lockOwner, takeOverLock);
    await removeStaleTempFiles(folder);
    if (this.state) await this.closeNow();
    const recovery = await readOfferableRecovery(folder, document);
    const state: OpenState = {
      folder,
      document,
      revision: 1,
      savedRevision: 1,
      autosavedRevision: 1,
      history: new EditHistory<Project>(),
      missing: new Set(findMissingAssets(folder, Object.values(document.assets))),
      recovery,
    };
    this.state = state;
    this.startAutosave();
    await this.remember(folder);
    this.emitChange(state, 'Open project');
    return {
      snapshot: this.snapshotOf(state),
      recoveryAvailable: recovery ? { savedAt: recovery.savedAt, revision: recovery.revision } : null,
    };
  }

  async save(): Promise<ProjectSnapshot> {
    const state = this.requireState();
    return this.serialized(async () => {
      const revision = state.revision;
      await writeProjectFile(state.folder, state.document, this.writeFile, this.now());
      state.savedRevision = revision;
      if (state.revision === revision) await removeRecovery(state.folder);
      this.emitChange(state, 'Save');
      return this.snapshotOf(state);
    });
  }

  /** Writes the project into a new folder (with a copy of media/) and continues there. */
  async saveAs(folder: string): Promise<ProjectSnapshot> {
    const state = this.requireState();
    const target = projectFolderOf(folder);
    if (target === state.folder) return this.save();
    const entries = await readdir(target).catch(() => null);
    if (entries && entries.length > 0) throw new AppError('CONFLICT', `The folder ${target} is not empty.`);
    try {
      for (const sub of projectSubfolders) await mkdir(`${target}/${sub}`, { recursive: true });
      await cp(`${state.folder}/media`, `${target}/media`, { recursive: true, force: false }).catch(
        (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        },
      );
    } catch (error) {
      throw fileError(error, 'Copying the project');
    }
    await writeProjectFile(target, state.document, this.writeFile, this.now());
    await acquireLock(target, this.lockOwner, false);
    await releaseLock(state.folder, this.lockOwner);
    state.folder = target;
    state.savedRevision = state.revision;
    state.missing = new Set(findMissingAssets(target, Object.values(state.document.assets)));
    await this.remember(target);
    this.emitChange(state, 'Save as');
    return this.snapshotOf(state);
  }

  async close(discardChanges: boolean): Promise<boolean> {
    if (!this.state) return false;
    if (!discardChanges) this.refuseIfDirty('closing');
    if (discardChanges) await removeRecovery(this.state.folder);
    await this.closeNow();
    return true;
  }

  async recent(): Promise<{ folder: string; folderName: string; exists: boolean }[]> {
    const folders = await this.options.recent.load();
    return Promise.all(
      folders.map(async (folder) => ({
        folder,
        folderName: folderDisplayName(folder),
        exists: await stat(projectFilePath(folder)).then(
          () => true,
          () => false,
        ),
      })),
    );
  }

  async isRecent(folder: string): Promise<boolean> {
    return (await this.options.recent.load()).includes(projectFolderOf(folder));
  }

  // editing ------------------------------------------------------------------------------------

  edit(command: EditCommand, coalesceKey?: string): ProjectSnapshot {
    const state = this.requireState();
    const result = applyCommand(state.document, command);
    if (!result.ok) throw new AppError('EDIT_REFUSED', result.error.message);
    const label = describeCommand(command);
    this.checkValid(result.document, label);
    if (state.history.record(state.document, result.document, label, coalesceKey)) {
      this.replace(state, result.document, label);
    }
    return this.snapshotOf(state);
  }

  /** Several commands as one undo step, all or nothing. */
  editBatch(commands: EditCommand[], coalesceKey?: string, label?: string): ProjectSnapshot {
    const state = this.requireState();
    const result = applyCommands(state.document, commands);
    if (!result.ok) throw new AppError('EDIT_REFUSED', result.error.message);
    const stepLabel =
      label ??
      (commands.length === 1 && commands[0] ? describeCommand(commands[0]) : `${commands.length} edits`);
    this.checkValid(result.document, stepLabel);
    if (state.history.record(state.document, result.document, stepLabel, coalesceKey)) {
      this.replace(state, result.document, stepLabel);
    }
    return this.snapshotOf(state);
  }

  undo(): ProjectSnapshot {
    return this.step('undo');
  }

  redo(): ProjectSnapshot {
    return this.step('redo');
  }

  /** Replaces the document with the recovery file's (dirty until saved). */
  recover(): ProjectSnapshot {
    const state = this.requireState();
    if (!state.recovery) throw new AppError('NOT_FOUND', 'There is no recovery file to restore.');
    const document = state.recovery.document;
    state.recovery = null;
    state.history.clear();
    this.replace(state, document, 'Recover unsaved changes');
    return this.snapshotOf(state);
  }

  async discardRecovery(): Promise<boolean> {
    const state = this.requireState();
    state.recovery = null;
    return removeRecovery(state.folder);
  }

  /** Looks for missing assets in a folder; the asked-for asset first, any other missing ones too. */
  async relink(
    assetId: string,
    searchFolder: string,
  ): Promise<{ relinkedAssetIds: string[]; stillMissingAssetIds: string[] }> {
    const state = this.requireState();
    const asset = state.document.assets[assetId];
    if (!asset) throw new AppError('NOT_FOUND', `There is no asset ${assetId} in this project.`);
    const wanted = [
      asset,
      ...[...state.missing].filter((id) => id !== assetId).map((id) => state.document.assets[id]),
    ].filter((item) => item !== undefined);
    const found = await searchForAssets(searchFolder, wanted);
    if (!found.has(assetId)) {
      throw new AppError(
        'MEDIA_MISSING',
        `No file in ${searchFolder} has the name or content of "${asset.name}".`,
        `searched by size ${asset.media.sizeBytes} and sha256 ${asset.contentHash}`,
      );
    }
    this.update(
      state,
      (document) => {
        const assets = { ...document.assets };
        for (const [id, path] of found) {
          const stored = toStoredPath(state.folder, path);
          const current = assets[id];
          if (current)
            assets[id] = { ...current, path: stored, storage: stored === path ? 'linked' : current.storage };
        }
        return { ...document, assets };
      },
      'Relink media',
    );
    return { relinkedAssetIds: [...found.keys()].sort(), stillMissingAssetIds: [...state.missing] };
  }

  /** For the quit guard: names of documents with unsaved changes. */
  async unsavedDocuments(): Promise<string[]> {
    return this.state && this.isDirty(this.state) ? [this.state.document.name] : [];
  }

  async saveAll(): Promise<boolean> {
    if (!this.state || !this.isDirty(this.state)) return true;
    try {
      await this.save();
      return true;
    } catch {
      return false;
    }
  }

  /** Writes unsaved changes to the recovery file now (the timer calls this). */
  async autosave(): Promise<boolean> {
    const state = this.state;
    if (!state || !this.isDirty(state) || state.autosavedRevision === state.revision) return false;
    const revision = state.revision;
    const at = this.now().toISOString();
    try {
      await this.serialized(() =>
        writeRecovery(state.folder, { savedAt: at, revision, document: state.document }, this.writeFile),
      );
    } catch (error) {
      // Said to every window: a silent failure would leave the user believing the work is safe.
      const failure = fileError(error, 'Autosave');
      this.options.emit('project:autosaved', { folder: state.folder, at, error: failure.toShape() });
      throw failure;
    }
    state.autosavedRevision = revision;
    this.options.emit('project:autosaved', { folder: state.folder, at, error: null });
    return true;
  }

  async dispose(): Promise<void> {
    this.stopAutosave();
    if (this.state) {
      await this.autosave().catch(() => false);
      await releaseLock(this.state.folder, this.lockOwner);
      this.state = null;
    }
  }

  // internals ----------------------------------------------------------------------------------

  private update(state: OpenState, change: (document: Project) => Project, label: string): Project {
    if (this.state !== state) throw new AppError('PROJECT_NOT_OPEN', 'The project was closed.');
    const next = change(state.document);
    if (next === state.document) return next;
    const checked = this.checkValid(next, label);
    this.replace(state, checked, label);
    return checked;
  }

  private checkValid(document: Project, label: string): Project {
    const outcome = validateDocument(document);
    if (!outcome.ok) {
      const problem =
        'problem' in outcome ? `${outcome.problem.path}: ${outcome.problem.message}` : 'invalid';
      throw new AppError(
        'PROJECT_INVALID',
        `"${label}" would make the project invalid; nothing changed.`,
        problem,
      );
    }
    return outcome.document;
  }

  private replace(state: OpenState, document: Project, label: string): void {
    state.missing = updateMissingAssets(state.folder, state.document, document, state.missing);
    state.document = document;
    state.revision += 1;
    this.emitChange(state, label);
  }

  private step(direction: 'undo' | 'redo'): ProjectSnapshot {
    const state = this.requireState();
    const outcome =
      direction === 'undo' ? state.history.undo(state.document) : state.history.redo(state.document);
    if (!outcome.ok) {
      throw new AppError(
        'EDIT_REFUSED',
        outcome.reason === 'empty'
          ? `There is nothing to ${direction}.`
          : `"${outcome.label}" cannot be ${direction === 'undo' ? 'undone' : 'redone'}: what it changed was changed since by something else.`,
      );
    }
    this.replace(state, outcome.document, `${direction === 'undo' ? 'Undo' : 'Redo'} ${outcome.label}`);
    return this.snapshotOf(state);
  }

  private isDirty(state: OpenState): boolean {
    return state.revision !== state.savedRevision;
  }

  private refuseIfDirty(what: string): void {
    if (this.state && this.isDirty(this.state)) {
      throw new AppError('CONFLICT', `The project has unsaved changes: save or discard them before ${what}.`);
    }
  }

  private requireState(): OpenState {
    if (!this.state) throw new AppError('PROJECT_NOT_OPEN', 'Open or create a project first.');
    return this.state;
  }

  private async closeNow(): Promise<void> {
    const state = this.state;
    if (!state) return;
    this.stopAutosave();
    this.state = null;
    await releaseLock(state.folder, this.lockOwner);
    this.options.emit('project:closed', { folder: state.folder });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.saving.then(work, work);
    this.saving = run.catch(() => undefined);
    return run;
  }

  private startAutosave(): void {
    this.stopAutosave();
    const interval = this.options.autosaveIntervalMs ?? 30_000;
    if (interval <= 0) return;
    this.autosaveTimer = setInterval(() => void this.autosave().catch(() => false), interval);
    this.autosaveTimer.unref?.();
  }

  private stopAutosave(): void {
    if (this.autosaveTimer) clearInterval(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  private async remember(folder: string): Promise<void> {
    const folders = await this.options.recent.load();
    await this.options.recent
      .save([folder, ...folders.filter((item) => item !== folder)].slice(0, recentLimit))
      .catch(() => undefined);
  }

  private snapshotOf(state: OpenState): ProjectSnapshot {
    return {
      folder: state.folder,
      folderName: folderDisplayName(state.folder),
      document: state.document,
      revision: state.revision,
      dirty: this.isDirty(state),
      missingAssetIds: [...state.missing].sort(),
      canUndo: state.history.canUndo,
      canRedo: state.history.canRedo,
      undoLabel: state.history.undoLabel,
      redoLabel: state.history.redoLabel,
    };
  }

  private emitChange(state: OpenState, label: string): void {
    const change: ProjectChange = { ...this.snapshotOf(state), label };
    this.options.emit('project:changed', change);
  }
}
