import type { ImportedClip, ImportedItem } from './importedTimeline';

export interface Placement {
  startFrame: number;
  clip: ImportedClip;
}

/** Clips placed at timeline frames, as a track's items with gaps between; overlaps are dropped and counted. */
export function placementsToItems(placements: Placement[]): {
  items: ImportedItem[];
  overlapsDropped: number;
} {
  const sorted = [...placements].sort((a, b) => a.startFrame - b.startFrame);
  const items: ImportedItem[] = [];
  let cursor = 0;
  let overlapsDropped = 0;
  for (const placement of sorted) {
    if (placement.startFrame < cursor) {
      overlapsDropped += 1;
      continue;
    }
    if (placement.startFrame > cursor)
      items.push({ type: 'gap', durationFrames: placement.startFrame - cursor });
    items.push(placement.clip);
    cursor = placement.startFrame + placement.clip.durationFrames;
  }
  return { items, overlapsDropped };
}
