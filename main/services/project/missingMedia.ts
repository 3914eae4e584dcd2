import { existsSync } from 'node:fs';
import type { Asset, Project } from '../../../common/model';
import { resolveStoredPath } from './projectFolder';

/** The ids of assets whose file is not where the document says (sorted). */
export function findMissingAssets(folder: string, assets: Iterable<Asset>): string[] {
  const missing: string[] = [];
  for (const asset of assets) {
    if (!existsSync(resolveStoredPath(folder, asset.path))) missing.push(asset.id);
  }
  return missing.sort();
}

/**
 * Missing set after a change: only assets that are new or whose path changed are checked again, so
 * a service update stays cheap on large projects.
 */
export function updateMissingAssets(
  folder: string,
  before: Project,
  after: Project,
  missing: Set<string>,
): Set<string> {
  if (before.assets === after.assets) return missing;
  const next = new Set<string>();
  for (const id of missing) if (after.assets[id]) next.add(id);
  const changed = Object.values(after.assets).filter((asset) => before.assets[asset.id]?.path !== asset.path);
  for (const asset of changed) next.delete(asset.id);
  for (const id of findMissingAssets(folder, changed)) next.add(id);
  return next;
}
