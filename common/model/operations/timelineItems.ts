import type { Clip, Gap, TrackItem, Transition } from '../schema/sequence';

/** Frames an item takes on its track: transitions sit on a cut and take none. */
export function itemLength(item: TrackItem): number {
  return item.type === 'transition' ? 0 : item.durationFrames;
}

export function itemsLength(items: readonly TrackItem[]): number {
  let total = 0;
  for (const item of items) total += itemLength(item);
  return total;
}

/** Start frame of every item, in order (a transition's start is its cut). */
export function itemStarts(items: readonly TrackItem[]): number[] {
  const starts: number[] = [];
  let frame = 0;
  for (const item of items) {
    starts.push(frame);
    frame += itemLength(item);
  }
  return starts;
}

/**
 * How a transition of `durationFrames` straddles its cut: `before` frames end at the cut (played by
 * the outgoing clip's own frames and the incoming clip's head handle), `after` frames start at it
 * (the outgoing clip's tail handle and the incoming clip's own frames).
 */
export function transitionSpan(durationFrames: number): { before: number; after: number } {
  const before = Math.floor(durationFrames / 2);
  return { before, after: durationFrames - before };
}

export function isClip(item: TrackItem | undefined): item is Clip {
  return item?.type === 'clip';
}
export function isGap(item: TrackItem | undefined): item is Gap {
  return item?.type === 'gap';
}
export function isTransition(item: TrackItem | undefined): item is Transition {
  return item?.type === 'transition';
}
