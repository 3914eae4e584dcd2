import type { TrackLayout } from './trackLayout';

/** Vertical placement of a track's lane in the lanes area. */
export interface TrackRow {
  trackId: string;
  kind: 'video' | 'audio';
  top: number;
  height: number;
}

/** The rows of tracks stacked top to bottom with a divider between video and audio tracks. */
export function stackRows(
  tracks: readonly TrackLayout[],
  dividerPx = 6,
): { rows: TrackRow[]; totalHeight: number } {
  const rows: TrackRow[] = [];
  let top = 0;
  let previousKind: 'video' | 'audio' | null = null;
  for (const { track } of tracks) {
    if (previousKind === 'video' && track.kind === 'audio') top += dividerPx;
    rows.push({ trackId: track.id, kind: track.kind, top, height: track.heightPx });
    top += track.heightPx;
    previousKind = track.kind;
  }
  return { rows, totalHeight: top };
}

export function rowAtY(rows: readonly TrackRow[], y: number): TrackRow | null {
  return rows.find((row) => y >= row.top && y < row.top + row.height) ?? null;
}
