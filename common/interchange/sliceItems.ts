import { rescale } from '../time/rescale';
import type { Rational } from '../time/rational';
import type { ImportedClip, ImportedItem } from './importedTimeline';

/** Length in frames of a list of imported items (transitions take no time). */
export function itemsLength(items: ImportedItem[]): number {
  return items.reduce((sum, item) => (item.type === 'transition' ? sum : sum + item.durationFrames), 0);
}

function trimClipHead(clip: ImportedClip, frames: number, timelineRate: Rational): ImportedClip {
  return {
    ...clip,
    sourceStart: clip.sourceStart + rescale(frames, timelineRate, clip.sourceRate, 'round'),
    durationFrames: clip.durationFrames - frames,
    volumeKeyframes: clip.volumeKeyframes
      .filter((key) => key.frame >= frames)
      .map((key) => ({ ...key, frame: key.frame - frames })),
  };
}

/**
 * The part [startFrame, startFrame + durationFrames) of a list of items: clips cut at the edges keep
 * exact source offsets, transitions that would straddle an edge are dropped (and counted), and the
 * result is padded with a gap to the full duration.
 */
export function sliceItems(
  items: ImportedItem[],
  startFrame: number,
  durationFrames: number,
  timelineRate: Rational,
): { items: ImportedItem[]; droppedTransitions: number } {
  const endFrame = startFrame + durationFrames;
  const result: ImportedItem[] = [];
  let droppedTransitions = 0;
  let frame = 0;
  for (const item of items) {
    if (item.type === 'transition') {
      if (frame > startFrame && frame < endFrame && result.length > 0) result.push(item);
      else droppedTransitions += 1;
      continue;
    }
    const itemStart = frame;
    const itemEnd = frame + item.durationFrames;
    frame = itemEnd;
    const from = Math.max(itemStart, startFrame);
    const to = Math.min(itemEnd, endFrame);
    if (to <= from) continue;
    if (item.type === 'gap') {
      result.push({ type: 'gap', durationFrames: to - from });
      continue;
    }
    const headTrimmed = from > itemStart ? trimClipHead(item, from - itemStart, timelineRate) : item;
    result.push({
      ...headTrimmed,
      durationFrames: to - from,
      volumeKeyframes: headTrimmed.volumeKeyframes.filter((key) => key.frame < to - from),
    });
  }
  // A transition left at the very end has no clip after it.
  while (result.length > 0 && result[result.length - 1]!.type === 'transition') {
    result.pop();
    droppedTransitions += 1;
  }
  const length = itemsLength(result);
  if (length < durationFrames) result.push({ type: 'gap', durationFrames: durationFrames - length });
  return { items: result, droppedTransitions };
}

/**
 * Several tracks flattened into one, the way they composite: where tracks overlap, the topmost
 * (last) track with a clip wins. Transitions are not kept (the caller reports them).
 */
export function flattenTopmost(tracks: ImportedItem[][], timelineRate: Rational): ImportedItem[] {
  const boundaries = new Set<number>([0]);
  for (const items of tracks) {
    let frame = 0;
    for (const item of items) {
      if (item.type === 'transition') continue;
      frame += item.durationFrames;
      boundaries.add(frame);
    }
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const result: ImportedItem[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const from = points[index]!;
    const duration = points[index + 1]! - from;
    let chosen: ImportedItem[] = [{ type: 'gap', durationFrames: duration }];
    for (let track = tracks.length - 1; track >= 0; track -= 1) {
      const slice = sliceItems(tracks[track]!, from, duration, timelineRate).items.filter(
        (item) => item.type !== 'transition',
      );
      if (slice.some((item) => item.type === 'clip')) {
        chosen = slice;
        break;
      }
    }
    for (const item of chosen) {
      const previous = result[result.length - 1];
      if (item.type === 'gap' && previous?.type === 'gap') previous.durationFrames += item.durationFrames;
      else result.push(item);
    }
  }
  return result;
}
