import type { Asset } from '../schema/asset';
import type { Project } from '../schema/project';
import type { Shot, Take } from '../schema/shot';
import { allTracks } from './timelineSelectors';

/** Shots in bin order. */
export function shotsInOrder(project: Project): Shot[] {
  return project.shotOrder.flatMap((id) => {
    const shot = project.shots[id];
    return shot ? [shot] : [];
  });
}

/** A shot's takes, newest first. */
export function takesOfShot(project: Project, shotId: string): Take[] {
  const shot = project.shots[shotId];
  if (!shot) return [];
  return shot.takeIds
    .flatMap((id) => {
      const take = project.takes[id];
      return take ? [take] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The video asset of a shot's selected take, when it has one. */
export function selectedTakeAsset(project: Project, shotId: string): Asset | null {
  const takeId = project.shots[shotId]?.selectedTakeId;
  const assetId = takeId ? project.takes[takeId]?.outputAssetId : null;
  return assetId ? (project.assets[assetId] ?? null) : null;
}

/** Where an asset is used: clips (by sequence), shot keyframes and sources, named references. */
export interface AssetUsage {
  clips: { sequenceId: string; trackId: string; itemId: string }[];
  shotIds: string[];
  referenceIds: string[];
}

export function assetUsage(project: Project, assetId: string): AssetUsage {
  const clips: AssetUsage['clips'] = [];
  for (const sequence of Object.values(project.sequences)) {
    for (const track of allTracks(sequence)) {
      for (const item of track.items) {
        if (item.type === 'clip' && item.assetId === assetId) {
          clips.push({ sequenceId: sequence.id, trackId: track.id, itemId: item.id });
        }
      }
    }
  }
  const shotIds = Object.values(project.shots)
    .filter(
      (shot) =>
        shot.keyframes.first === assetId ||
        shot.keyframes.middle === assetId ||
        shot.keyframes.last === assetId ||
        shot.sourceVideoAssetId === assetId,
    )
    .map((shot) => shot.id);
  const referenceIds = Object.values(project.references)
    .filter((reference) => reference.assetId === assetId)
    .map((reference) => reference.id);
  return { clips, shotIds, referenceIds };
}

/** Total spend recorded in the ledger, in cents (actual where known, else the estimate). */
export function ledgerTotalCents(project: Project): number {
  return project.ledger.reduce((total, entry) => total + (entry.actualCents ?? entry.estimatedCents ?? 0), 0);
}
