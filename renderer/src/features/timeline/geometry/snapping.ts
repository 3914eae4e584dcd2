import type { SequenceLayout } from './trackLayout';

export type SnapKind = 'cut' | 'marker' | 'playhead' | 'mark';

export interface SnapTarget {
  frame: number;
  kind: SnapKind;
}

/**
 * Everything a dragged edge can snap to: every cut (clip starts and ends on every track), markers,
 * the playhead and the in/out marks. Sorted by frame, for a binary search per pointer move.
 */
export function collectSnapTargets(
  layout: SequenceLayout,
  options: {
    markers: readonly number[];
    playheadFrame: number;
    marks: readonly (number | null)[];
    excludeClipIds?: ReadonlySet<string>;
  },
): SnapTarget[] {
  const targets: SnapTarget[] = [{ frame: 0, kind: 'cut' }];
  for (const track of layout.tracks) {
    for (const placed of track.clips) {
      if (options.excludeClipIds?.has(placed.clip.id)) continue;
      targets.push({ frame: placed.startFrame, kind: 'cut' }, { frame: placed.endFrame, kind: 'cut' });
    }
  }
  for (const frame of options.markers) targets.push({ frame, kind: 'marker' });
  for (const frame of options.marks) if (frame !== null) targets.push({ frame, kind: 'mark' });
  targets.push({ frame: options.playheadFrame, kind: 'playhead' });
  targets.sort((a, b) => a.frame - b.frame);
  return targets;
}

/** The nearest target within `thresholdFrames` of `frame`, or null. */
export function nearestSnap(
  targets: readonly SnapTarget[],
  frame: number,
  thresholdFrames: number,
): SnapTarget | null {
  let low = 0;
  let high = targets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (targets[middle]!.frame < frame) low = middle + 1;
    else high = middle;
  }
  let best: SnapTarget | null = null;
  for (const candidate of [targets[low - 1], targets[low]]) {
    if (!candidate) continue;
    const distance = Math.abs(candidate.frame - frame);
    if (distance <= thresholdFrames && (!best || distance < Math.abs(best.frame - frame))) best = candidate;
  }
  return best;
}

/**
 * Snaps a dragged range: tries its start and its end edge against the targets and moves the whole
 * range by the smaller correction. Answers the delta to apply and the target that won (for the guide).
 */
export function snapRange(
  targets: readonly SnapTarget[],
  startFrame: number,
  endFrame: number,
  thresholdFrames: number,
): { delta: number; target: SnapTarget | null } {
  const atStart = nearestSnap(targets, startFrame, thresholdFrames);
  const atEnd = nearestSnap(targets, endFrame, thresholdFrames);
  const startDelta = atStart ? atStart.frame - startFrame : Infinity;
  const endDelta = atEnd ? atEnd.frame - endFrame : Infinity;
  if (!atStart && !atEnd) return { delta: 0, target: null };
  return Math.abs(startDelta) <= Math.abs(endDelta)
    ? { delta: startDelta, target: atStart }
    : { delta: endDelta, target: atEnd };
}
