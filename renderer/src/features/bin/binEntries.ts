import type { Asset, Project, Take } from '../../../../common/model';

/** What a bin row says about its media (the badges). */
export type BinStatus = 'imported' | 'generated' | 'missing' | 'generating' | 'failed';
export type BinMediaKind = Asset['kind'] | 'shot';

/** One row or card of the bin: a shot (grouping its takes), a take, or a piece of media. */
export interface BinEntry {
  key: string;
  type: 'shot' | 'take' | 'asset';
  /** The asset shown (thumbnail, drag, play): a take's output, a shot's selected take, the asset. */
  assetId: string | null;
  shotId: string | null;
  takeId: string | null;
  name: string;
  mediaKind: BinMediaKind;
  durationSeconds: number | null;
  status: BinStatus;
  /** A frame grab, a last frame, a derived still: said on the card beside the status. */
  originLabel: string | null;
  provider: string | null;
  model: string | null;
  favourite: boolean;
  tags: readonly string[];
  folder: string | null;
  /** ISO date when known, for "date added" sorting. */
  addedAt: string | null;
  /** Position in the document, the stable tie-breaker. */
  order: number;
  /** Lower-case text the search box matches: name, prompt, provider, model, tags. */
  searchText: string;
  /** Shots: how many takes; takes: 1-based number within the shot. */
  takeCount: number;
  takeNumber: number;
  /** Takes: this is the take the timeline uses. */
  isSelectedTake: boolean;
  /** Failed takes: the creator-facing message. */
  errorMessage: string | null;
}

export function assetDurationSeconds(asset: Asset): number | null {
  if (asset.kind === 'image') return null;
  const { num, den } = asset.media.duration;
  return den > 0 ? num / den : null;
}

function takeStatus(take: Take, assetMissing: boolean): BinStatus {
  switch (take.status) {
    case 'queued':
    case 'running':
      return 'generating';
    case 'succeeded':
      return assetMissing ? 'missing' : 'generated';
    default:
      return 'failed';
  }
}

function originLabel(asset: Asset): string | null {
  if (asset.origin.kind === 'frameGrab') return 'Frame grab';
  if (asset.origin.kind === 'derived') return asset.origin.purpose === 'lastFrame' ? 'Last frame' : 'Derived';
  return null;
}

/**
 * Every shot, take and non-take asset of the document as bin entries (unfiltered, document order).
 * Takes' output assets appear as takes, not again as plain media.
 */
export function buildBinEntries(document: Project, missingAssetIds: ReadonlySet<string>): BinEntry[] {
  const entries: BinEntry[] = [];
  const takeOutputs = new Set<string>();
  let order = 0;
  for (const take of Object.values(document.takes)) {
    if (take.outputAssetId) takeOutputs.add(take.outputAssetId);
  }

  for (const shotId of document.shotOrder) {
    const shot = document.shots[shotId];
    if (!shot) continue;
    const takes = shot.takeIds.map((id) => document.takes[id]).filter((take) => take !== undefined);
    const selected = shot.selectedTakeId ? document.takes[shot.selectedTakeId] : undefined;
    const shown = selected ?? [...takes].reverse().find((take) => take.outputAssetId !== null);
    const shownAsset = shown?.outputAssetId ? document.assets[shown.outputAssetId] : undefined;
    // Before any take, the shot shows its first keyframe.
    const keyframe = shot.keyframes.first ? document.assets[shot.keyframes.first] : undefined;
    const anyRunning = takes.some((take) => take.status === 'queued' || take.status === 'running');
    const allFailed = takes.length > 0 && takes.every((take) => takeStatus(take, false) === 'failed');
    entries.push({
      key: `shot:${shot.id}`,
      type: 'shot',
      assetId: shownAsset?.id ?? keyframe?.id ?? null,
      shotId: shot.id,
      takeId: shown?.id ?? null,
      name: shot.name,
      mediaKind: 'shot',
      durationSeconds: shownAsset ? assetDurationSeconds(shownAsset) : shot.durationSeconds,
      status: anyRunning ? 'generating' : allFailed ? 'failed' : 'generated',
      originLabel: null,
      provider: shot.model.provider,
      model: shot.model.model,
      favourite: false,
      tags: [],
      folder: null,
      addedAt: takes[0]?.createdAt ?? null,
      order: order++,
      searchText: `${shot.name} ${shot.prompt} ${shot.model.provider} ${shot.model.model}`.toLowerCase(),
      takeCount: takes.length,
      takeNumber: 0,
      isSelectedTake: false,
      errorMessage: null,
    });
    takes.forEach((take, index) => {
      const asset = take.outputAssetId ? document.assets[take.outputAssetId] : undefined;
      entries.push({
        key: `take:${take.id}`,
        type: 'take',
        assetId: asset?.id ?? null,
        shotId: shot.id,
        takeId: take.id,
        name: `${shot.name} · Take ${index + 1}`,
        mediaKind: asset?.kind ?? 'video',
        durationSeconds: asset ? assetDurationSeconds(asset) : take.recipe.durationSeconds,
        status: takeStatus(take, asset !== undefined && missingAssetIds.has(asset.id)),
        originLabel: null,
        provider: take.provider,
        model: take.model,
        favourite: asset?.favourite ?? false,
        tags: asset?.tags ?? [],
        folder: asset?.folder ?? null,
        addedAt: take.createdAt,
        order: order++,
        searchText:
          `${shot.name} take ${index + 1} ${take.recipe.prompt} ${take.provider} ${take.model} ${(asset?.tags ?? []).join(' ')}`.toLowerCase(),
        takeCount: 0,
        takeNumber: index + 1,
        isSelectedTake: shot.selectedTakeId === take.id,
        errorMessage: take.error?.message ?? null,
      });
    });
  }

  for (const asset of Object.values(document.assets)) {
    if (takeOutputs.has(asset.id)) continue;
    entries.push({
      key: `asset:${asset.id}`,
      type: 'asset',
      assetId: asset.id,
      shotId: null,
      takeId: null,
      name: asset.name,
      mediaKind: asset.kind,
      durationSeconds: assetDurationSeconds(asset),
      status: missingAssetIds.has(asset.id) ? 'missing' : 'imported',
      originLabel: originLabel(asset),
      provider: null,
      model: null,
      favourite: asset.favourite,
      tags: asset.tags,
      folder: asset.folder,
      addedAt: asset.origin.kind === 'imported' ? asset.origin.importedAt : null,
      order: order++,
      searchText: `${asset.name} ${asset.tags.join(' ')} ${asset.folder ?? ''}`.toLowerCase(),
      takeCount: 0,
      takeNumber: 0,
      isSelectedTake: false,
      errorMessage: null,
    });
  }
  return entries;
}
