import type { Clip } from '../../../../../common/model';
import { visibleFrames } from '../geometry/timeScale';
import { clipsInRange } from '../geometry/trackLayout';
import type { TrackRow } from '../geometry/trackRows';
import type { LaneScene } from './scene';

export interface DrawnClip {
  clip: Clip;
  trackId: string;
  trackKind: 'video' | 'audio';
  row: TrackRow;
  startFrame: number;
  endFrame: number;
  slipFrames: number;
  /** Drawn faded where it was, while a move shows it elsewhere. */
  ghost: boolean;
  locked: boolean;
}

/**
 * The clips to draw this frame, with the gesture preview applied: O(log n + visible) per track, so a
 * 1,000-clip sequence costs what the screen shows.
 */
export function visibleClips(scene: LaneScene): DrawnClip[] {
  const { startFrame, endFrame } = visibleFrames(scene.scale, scene.width);
  const result: DrawnClip[] = [];
  const ripple = scene.preview.ripple;
  const rowsById = new Map(scene.rows.map((row) => [row.trackId, row]));
  for (const track of scene.layout.tracks) {
    const row = rowsById.get(track.track.id);
    if (!row || row.top - scene.scrollTop > scene.height || row.top + row.height - scene.scrollTop < 0)
      continue;
    const shift = ripple && ripple.trackId === track.track.id ? ripple.deltaFrames : 0;
    const candidates = clipsInRange(track.clips, startFrame - Math.abs(shift), endFrame + Math.abs(shift));
    for (const placed of candidates) {
      const moved = scene.preview.placements.get(placed.clip.id);
      const rippled = shift !== 0 && ripple && placed.startFrame >= ripple.fromFrame;
      const base = {
        clip: placed.clip,
        trackId: track.track.id,
        trackKind: track.track.kind,
        row,
        locked: track.track.locked,
      };
      if (
        moved &&
        (moved.trackId !== track.track.id || moved.startFrame !== placed.startFrame) &&
        moved.endFrame - moved.startFrame === placed.endFrame - placed.startFrame &&
        moved.slipFrames === 0
      ) {
        // A move: leave a ghost behind; the clip itself is drawn where it goes (below).
        result.push({
          ...base,
          startFrame: placed.startFrame,
          endFrame: placed.endFrame,
          slipFrames: 0,
          ghost: true,
        });
        continue;
      }
      if (moved) {
        result.push({
          ...base,
          startFrame: moved.startFrame,
          endFrame: moved.endFrame,
          slipFrames: moved.slipFrames,
          ghost: false,
        });
        continue;
      }
      const delta = rippled ? shift : 0;
      result.push({
        ...base,
        startFrame: placed.startFrame + delta,
        endFrame: placed.endFrame + delta,
        slipFrames: 0,
        ghost: false,
      });
    }
  }
  for (const [clipId, moved] of scene.preview.placements) {
    const placed = scene.layout.clipsById.get(clipId);
    const row = rowsById.get(moved.trackId);
    const track = scene.layout.tracks.find((candidate) => candidate.track.id === moved.trackId);
    if (!placed || !row || !track) continue;
    const isMove =
      (moved.trackId !== placed.trackId || moved.startFrame !== placed.startFrame) &&
      moved.endFrame - moved.startFrame === placed.endFrame - placed.startFrame &&
      moved.slipFrames === 0;
    if (!isMove) continue;
    result.push({
      clip: placed.clip,
      trackId: moved.trackId,
      trackKind: track.track.kind,
      row,
      startFrame: moved.startFrame,
      endFrame: moved.endFrame,
      slipFrames: 0,
      ghost: false,
      locked: track.track.locked,
    });
  }
  return result;
}
