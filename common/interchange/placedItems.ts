import type { Track, TrackItem } from '../model/schema/sequence';

export interface PlacedItem {
  item: TrackItem;
  /** Where the item starts on the timeline; for a transition, where it starts before its cut. */
  startFrame: number;
  /** For a transition, the frame of the cut it is centred on. */
  cutFrame: number;
}

/**
 * Frames of a transition before its cut: a transition of d frames is centred on the cut, with
 * floor(d/2) frames before and the rest after.
 */
export function transitionFramesBeforeCut(durationFrames: number): number {
  return Math.floor(durationFrames / 2);
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
  return track.items.reduce((sum, item) => (item.type === 'transition' ? sum : sum + item.durationFrames), 0);
}
