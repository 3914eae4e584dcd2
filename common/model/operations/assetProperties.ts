import type { Asset } from '../schema/asset';
import type { Project } from '../schema/project';
import { attemptEdit, refuse, type EditResult } from './editResult';

export interface AssetPropertyChanges {
  favourite?: boolean | undefined;
  tags?: readonly string[] | undefined;
  folder?: string | null | undefined;
  name?: string | undefined;
}

/** Trimmed, non-empty, each once (compared without case), in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/**
 * Favourite, tags, bin folder and display name of an asset (the file on disk is never renamed).
 * A blank folder means the top level; a blank name is refused.
 */
export function setAssetProperties(
  document: Project,
  request: { assetId: string } & AssetPropertyChanges,
): EditResult {
  return attemptEdit(() => {
    const current = document.assets[request.assetId] ?? refuse(`There is no asset ${request.assetId}.`);
    const asset: Asset = { ...current };
    if (request.favourite !== undefined) asset.favourite = request.favourite;
    if (request.tags !== undefined) asset.tags = cleanTags(request.tags);
    if (request.folder !== undefined) {
      const folder = request.folder?.trim() ?? '';
      if (folder.includes('/') || folder.includes('\\'))
        refuse('A bin folder name has no / or \\ (folders are one level deep).');
      asset.folder = folder === '' ? null : folder;
    }
    if (request.name !== undefined) {
      const name = request.name.trim();
      if (name === '') refuse('A media name cannot be empty.');
      asset.name = name;
    }
    return { ...document, assets: { ...document.assets, [asset.id]: asset } };
  });
}
