import type { Project } from '../schema/project';
import type { Clip, Sequence, Track, TrackItem } from '../schema/sequence';
import { itemLength, itemStarts, itemsLength } from '../operations/timelineItems';

/** An item with where it sits on its track. */
export interface PlacedItem {
  item: TrackItem;
  trackId: string;
  index: number;
  startFrame: number;
  /** Exclusive; equals startFrame for transitions (they sit on a cut). */
  endFrame: number;
}

export function placedItems(track: Track): PlacedItem[] {
  const starts = itemStarts(track.items);
  return track.items.map((item, index) => {
    const startFrame = starts[index] as number;
    return { item, trackId: track.id, index, startFrame, endFrame: startFrame + itemLength(item) };
  });
}

export function allTracks(sequence: Sequence): Track[] {
  return [...sequence.videoTracks, ...sequence.audioTracks];
}

/** Length of a track in frames (the end of its last clip). */
export function trackDurationFrames(track: Track): number {
  return itemsLength(track.items);
}

/** Length of a sequence: its longest track. */
export function sequenceDurationFrames(sequence: Sequence): number {
  return Math.max(0, ...allTracks(sequence).map(trackDurationFrames));
}

/** The clip of a track playing at `frame`, if any. */
export function clipAtFrame(track: Track, frame: number): (PlacedItem & { item: Clip }) | null {
  for (const placed of placedItems(track)) {
    if (placed.item.type === 'clip' && placed.startFrame <= frame && frame < placed.endFrame) {
      return placed as PlacedItem & { item: Clip };
    }
  }
  return null;
}

/** Clips of every track overlapping [startFrame, endFrame), for drawing only what is visible. */
export function clipsInRange(
  sequence: Sequence,
  startFrame: number,
  endFrame: number,
): (PlacedItem & { item: Clip })[] {
  return allTracks(sequence).flatMap((track) =>
    placedItems(track).filter(
      (placed): placed is PlacedItem & { item: Clip } =>
        placed.item.type === 'clip' && placed.startFrame < endFrame && placed.endFrame > startFrame,
    ),
  );
}

/** Where an item is, by id, across the sequence's tracks. */
export function findPlacedItem(sequence: Sequence, itemId: string): PlacedItem | null {
  for (const track of allTracks(sequence)) {
    const found = placedItems(track).find((placed) => placed.item.id === itemId);
    if (found) return found;
  }
  return null;
}

/** The first sequence in the project's order (the one the timeline opens on). */
export function firstSequenceOf(project: Project): Sequence | null {
  const id = project.sequenceOrder[0];
  return id === undefined ? null : (project.sequences[id] ?? null);
}
