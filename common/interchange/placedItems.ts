import { itemsLength, transitionSpan } from '../model/operations/timelineItems';
import type { Track, TrackItem } from '../model/schema/sequence';

export interface PlacedItem {
  item: TrackItem;
  /** Where the item starts on the timeline; for a transition, where it starts before its cut. */
  startFrame: number;
  /** For a transition, the frame of the cut it is centred on. */
  cutFrame: number;
}

/** Frames of a transition before its cut (the model's split: floor(d/2) before, the rest after). */
export function transitionFramesBeforeCut(durationFrames: number): number {
  return transitionSpan(durationFrames).before;
}

/** A track's items with their timeline positions. Clips and gaps take time; transitions do not. */
export function placedItems(track: Track): PlacedItem[] {
  const placed: PlacedItem[] = [];
  let frame = 0;
  for (const item of track.items) {
    if (item.type === 'transition') {
      placed.push({
        item,
        startFrame: frame - transitionFramesBeforeCut(item.durationFrames),
        cutFrame: frame,
      });
    } else {
      placed.push({ item, startFrame: frame, cutFrame: frame });
      frame += item.durationFrames;
    }
  }
  return placed;
}

/** Length of a track in frames: the sum of its clips and gaps. */
export function trackLengthFrames(track: Track): number {
  return itemsLength(track.items);
}
