import type { Sequence } from '../schema/sequence';
import { itemLength, itemStarts } from './timelineItems';

/**
 * Frames a dragged edge may snap to: 0, the playhead, every clip's start and end on every track,
 * markers (start and end), and the in/out marks. Sorted, without duplicates. `excludeItemIds` leaves
 * out the edges of the items being dragged.
 */
export function snapTargets(
  sequence: Sequence,
  playheadFrame: number,
  excludeItemIds: readonly string[] = [],
): number[] {
  const targets = new Set<number>([0, Math.max(0, Math.round(playheadFrame))]);
  for (const track of [...sequence.videoTracks, ...sequence.audioTracks]) {
    const starts = itemStarts(track.items);
    track.items.forEach((item, index) => {
      if (item.type !== 'clip' || excludeItemIds.includes(item.id)) return;
      const start = starts[index] as number;
      targets.add(start);
      targets.add(start + itemLength(item));
    });
  }
  for (const marker of sequence.markers) {
    targets.add(marker.frame);
    if (marker.durationFrames > 0) targets.add(marker.frame + marker.durationFrames);
  }
  if (sequence.inFrame !== null) targets.add(sequence.inFrame);
  if (sequence.outFrame !== null) targets.add(sequence.outFrame);
  return [...targets].sort((a, b) => a - b);
}

/** The nearest target within `tolerance` frames of `frame` (the earlier one on a tie), else `frame`. */
export function snap(frame: number, targets: readonly number[], tolerance: number): number {
  let best = frame;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const target of targets) {
    const distance = Math.abs(target - frame);
    if (distance <= tolerance && distance < bestDistance) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Snaps a dragged range by whichever edge lands closer to a target; returns the new start frame
 * (never below 0).
 */
export function snapRange(
  startFrame: number,
  durationFrames: number,
  targets: readonly number[],
  tolerance: number,
): number {
  const startSnap = snap(startFrame, targets, tolerance);
  const endSnap = snap(startFrame + durationFrames, targets, tolerance);
  const startMove = startSnap - startFrame;
  const endMove = endSnap - (startFrame + durationFrames);
  const useStart =
    startSnap !== startFrame &&
    (endSnap === startFrame + durationFrames || Math.abs(startMove) <= Math.abs(endMove));
  const moved = useStart ? startFrame + startMove : startFrame + endMove;
  return Math.max(0, moved);
}
