import { frameToX, xToFrame, type TimeScale } from './timeScale';
import { clipAtFrame, type PlacedClip, type PlacedTransition, type SequenceLayout } from './trackLayout';
import { rowAtY, type TrackRow } from './trackRows';

export type Hit =
  | { kind: 'empty'; trackId: string | null; frame: number }
  | { kind: 'clip'; zone: 'body' | 'trimStart' | 'trimEnd'; placed: PlacedClip; frame: number }
  | { kind: 'transition'; placed: PlacedTransition; frame: number };

/** Trim handles are this wide at most, and never more than a quarter of a short clip. */
export const trimHandlePx = 8;

/** What lies under a point of the lanes area (viewport x, content y). */
export function hitTest(
  layout: SequenceLayout,
  rows: readonly TrackRow[],
  scale: TimeScale,
  x: number,
  y: number,
): Hit {
  const frame = xToFrame(x, scale, 'floor');
  const row = rowAtY(rows, y);
  if (!row) return { kind: 'empty', trackId: null, frame };
  const track = layout.tracks.find((candidate) => candidate.track.id === row.trackId);
  if (!track) return { kind: 'empty', trackId: null, frame };
  for (const placed of track.transitions) {
    const left = frameToX(placed.startFrame, scale);
    const right = frameToX(placed.endFrame, scale);
    // A transition is drawn in the lower half of the lane, over the cut.
    if (x >= left && x < right && y >= row.top + row.height / 2) return { kind: 'transition', placed, frame };
  }
  const placed = clipAtFrame(track, frame) ?? clipAtFrame(track, Math.max(0, frame - 1));
  if (!placed) return { kind: 'empty', trackId: track.track.id, frame };
  const left = frameToX(placed.startFrame, scale);
  const right = frameToX(placed.endFrame, scale);
  if (x < left - trimHandlePx / 2 || x > right + trimHandlePx / 2)
    return { kind: 'empty', trackId: track.track.id, frame };
  const handle = Math.min(trimHandlePx, (right - left) / 4);
  if (x - left <= handle) return { kind: 'clip', zone: 'trimStart', placed, frame };
  if (right - x <= handle) return { kind: 'clip', zone: 'trimEnd', placed, frame };
  if (x < left || x >= right) return { kind: 'empty', trackId: track.track.id, frame };
  return { kind: 'clip', zone: 'body', placed, frame };
}

/** Clip ids inside a marquee rectangle (viewport x, content y). */
export function clipsInRect(
  layout: SequenceLayout,
  rows: readonly TrackRow[],
  scale: TimeScale,
  rect: { x1: number; y1: number; x2: number; y2: number },
): string[] {
  const left = Math.min(rect.x1, rect.x2);
  const right = Math.max(rect.x1, rect.x2);
  const top = Math.min(rect.y1, rect.y2);
  const bottom = Math.max(rect.y1, rect.y2);
  const ids: string[] = [];
  for (const track of layout.tracks) {
    const row = rows.find((candidate) => candidate.trackId === track.track.id);
    if (!row || row.top > bottom || row.top + row.height < top) continue;
    for (const placed of track.clips) {
      if (frameToX(placed.endFrame, scale) < left) continue;
      if (frameToX(placed.startFrame, scale) > right) break;
      ids.push(placed.clip.id);
    }
  }
  return ids;
}
