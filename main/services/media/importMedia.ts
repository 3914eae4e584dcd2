import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError, toErrorShape } from '../../../common/contract';
import type {
  ImportFailure,
  ImportedFile,
  ImportProgress,
  ImportResult,
} from '../../../common/contract/channels/media';
import { newId, type Asset, type AssetOrigin } from '../../../common/model';
import type { ProbedMedia } from '../../ffmpeg/probeFacts';
import { toStoredPath } from '../project/projectFolder';
import type { OpenProject } from '../project/projectAccess';
import { mapWithLimit } from '../../../common/async/mapWithLimit';
import { copiedFileName, hashFile, mediaFolder } from './mediaFiles';

/** One file to import: where it is now and how it gets into the project. */
export interface ImportCandidate {
  path: string;
  /** The name the user knows it by (an upload's original name, say). */
  name: string;
  /** copy: into media/; link: stays where it is; move: renamed into media/ (uploads, generated outputs). */
  storage: 'copy' | 'link' | 'move';
  origin?: AssetOrigin;
}

export interface ImportDeps {
  project: OpenProject;
  probe: (path: string, signal?: AbortSignal) => Promise<ProbedMedia>;
  onProgress?: (progress: ImportProgress) => void;
  /** Probes and hashes at most this many files at once (2–4). */
  concurrency?: number;
  signal?: AbortSignal;
  now?: () => Date;
}

interface Prepared {
  candidate: ImportCandidate;
  probed: ProbedMedia;
  contentHash: string;
}

/** Copies or moves a file into media/ under its hash-prefixed name (never over another file). */
async function placeInMedia(project: OpenProject, prepared: Prepared): Promise<string> {
  const folder = mediaFolder(project.folder);
  await mkdir(folder, { recursive: true });
  const target = join(folder, copiedFileName(prepared.contentHash, prepared.candidate.name));
  const existing = await stat(target).catch(() => null);
  if (existing && existing.size === prepared.probed.facts.sizeBytes) {
    if (prepared.candidate.storage === 'move') await rm(prepared.candidate.path, { force: true });
    return target;
  }
  if (prepared.candidate.storage === 'move') {
    try {
      await rename(prepared.candidate.path, target);
      return target;
    } catch {
      // another file system: copy, then remove the original below
    }
  }
  const temporary = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    await copyFile(prepared.candidate.path, temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC')
      throw new AppError('DISK_FULL', 'The disk is full: the file could not be copied into the project.');
    throw new AppError('FILE_UNREADABLE', `The file could not be copied into the project.`, String(error));
  }
  if (prepared.candidate.storage === 'move') await rm(prepared.candidate.path, { force: true });
  return target;
}

function displayName(candidate: ImportCandidate): string {
  return candidate.name || basename(candidate.path);
}

/**
 * Imports files into the open project: probes and hashes them in parallel (bounded), skips files
 * whose content is already an asset, copies/moves/links each, and adds all new assets in one
 * document update ("Import media"). Each file succeeds or fails on its own.
 */
export async function importFiles(candidates: ImportCandidate[], deps: ImportDeps): Promise<ImportResult> {
  const importId = newId('imp');
  const total = candidates.length;
  const now = deps.now ?? (() => new Date());
  let done = 0;
  deps.onProgress?.({ importId, done, total, name: null, outcome: null });
  const report = (name: string, outcome: ImportProgress['outcome']): void => {
    done += 1;
    deps.onProgress?.({ importId, done, total, name, outcome });
  };

  // Results carry their candidate's index while files finish in any order; sorted back at the end.
  const failed: Array<ImportFailure & { index: number }> = [];
  const imported: Array<ImportedFile & { index: number }> = [];
  const newAssets: Array<Asset & { index: number }> = [];
  const byHash = new Map<string, string>();
  for (const asset of Object.values(deps.project.document.assets)) byHash.set(asset.contentHash, asset.id);

  await mapWithLimit(
    candidates,
    Math.min(4, Math.max(1, deps.concurrency ?? 3)),
    async (candidate, index) => {
      const name = displayName(candidate);
      try {
        if (deps.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
        const [probed, contentHash] = await Promise.all([
          deps.probe(candidate.path, deps.signal),
          hashFile(candidate.path, deps.signal),
        ]);
        const known = byHash.get(contentHash);
        if (known) {
          if (candidate.storage === 'move') await rm(candidate.path, { force: true });
          imported.push({ name, assetId: known, duplicate: true, index });
          report(name, 'duplicate');
          return;
        }
        const id = newId('ast');
        byHash.set(contentHash, id);
        const prepared: Prepared = { candidate, probed, contentHash };
        const finalPath =
          candidate.storage === 'link' ? resolve(candidate.path) : await placeInMedia(deps.project, prepared);
        const asset: Asset = {
          id,
          kind: probed.kind,
          name,
          path: toStoredPath(deps.project.folder, finalPath),
          storage: candidate.storage === 'link' ? 'linked' : 'copied',
          contentHash,
          media: probed.facts,
          origin: candidate.origin ?? {
            kind: 'imported',
            importedAt: now().toISOString(),
            originalPath: candidate.storage === 'move' ? name : resolve(candidate.path),
          },
          tags: [],
          favourite: false,
          folder: null,
        };
        newAssets.push({ ...asset, index });
        imported.push({ name, assetId: id, duplicate: false, index });
        report(name, 'imported');
      } catch (error) {
        if (candidate.storage === 'move') await rm(candidate.path, { force: true }).catch(() => undefined);
        failed.push({ name, error: toErrorShape(error), index });
        report(name, 'failed');
      }
    },
  );

  if (newAssets.length > 0) {
    deps.project.update(
      (document) => {
        const assets = { ...document.assets };
        for (const { index: _index, ...asset } of newAssets) assets[asset.id] = asset;
        return { ...document, assets };
      },
      newAssets.length === 1 ? `Import ${newAssets[0]?.name}` : `Import ${newAssets.length} files`,
    );
  }
  const inOrder = <T extends { index: number }>(items: T[]): Array<Omit<T, 'index'>> =>
    [...items].sort((a, b) => a.index - b.index).map(({ index: _index, ...rest }) => rest);
  return {
    importId,
    imported: inOrder(imported),
    failed: inOrder(failed),
    assets: inOrder(newAssets) as Asset[],
  };
}
