import type { Asset, Sequence } from '../../../../../common/model';
import type { PlacedClip, SequenceLayout } from '../geometry/trackLayout';
import { assetRate, sourceLengthInFrames } from '../../viewer/playback/sequenceTiming';

/** Inclusive range of allowed deltas in sequence frames. */
export interface DeltaRange {
  min: number;
  max: number;
}

export function clampDelta(delta: number, range: DeltaRange): number {
  return Math.min(range.max, Math.max(range.min, delta));
}

/** Where the clip starts in its source, in sequence frames. */
export function sourceInFrames(placed: PlacedClip, asset: Asset | undefined, sequence: Sequence): number {
  const rate = assetRate(asset);
  return Math.floor(
    (placed.clip.sourceIn * rate.den * sequence.rate.num) / (rate.num * sequence.rate.den) + 1e-6,
  );
}

/** Frames of source left after the clip's end (Infinity for stills). */
function tailHandle(placed: PlacedClip, asset: Asset | undefined, sequence: Sequence): number {
  const length = sourceLengthInFrames(asset, sequence.rate);
  if (length === null) return Infinity;
  return Math.max(0, length - sourceInFrames(placed, asset, sequence) - placed.clip.durationFrames);
}

function neighbours(
  layout: SequenceLayout,
  placed: PlacedClip,
): { before: PlacedClip | null; after: PlacedClip | null } {
  const track = layout.tracks.find((candidate) => candidate.track.id === placed.trackId);
  const index = track?.clips.findIndex((candidate) => candidate.clip.id === placed.clip.id) ?? -1;
  return { before: track?.clips[index - 1] ?? null, after: track?.clips[index + 1] ?? null };
}

/** How far an edge may be trimmed: by the source's handles, and without ripple by the empty space. */
export function trimRange(
  layout: SequenceLayout,
  placed: PlacedClip,
  asset: Asset | undefined,
  sequence: Sequence,
  edge: 'start' | 'end',
  ripple: boolean,
): DeltaRange {
  const duration = placed.clip.durationFrames;
  const { before, after } = neighbours(layout, placed);
  if (edge === 'end') {
    let max = tailHandle(placed, asset, sequence);
    if (!ripple) max = Math.min(max, (after?.startFrame ?? Infinity) - placed.endFrame);
    return { min: -(duration - 1), max };
  }
  let min = asset?.kind === 'image' ? -Infinity : -sourceInFrames(placed, asset, sequence);
  if (!ripple) min = Math.max(min, -(placed.startFrame - (before?.endFrame ?? 0)));
  return { min, max: duration - 1 };
}

/** A roll of the cut after `left`: both clips keep their handles and at least one frame. */
export function rollRange(
  left: PlacedClip,
  right: PlacedClip,
  assets: Record<string, Asset>,
  sequence: Sequence,
): DeltaRange {
  const rightAsset = assets[right.clip.assetId];
  const rightHead = rightAsset?.kind === 'image' ? Infinity : sourceInFrames(right, rightAsset, sequence);
  return {
    min: Math.max(-(left.clip.durationFrames - 1), -rightHead),
    max: Math.min(right.clip.durationFrames - 1, tailHandle(left, assets[left.clip.assetId], sequence)),
  };
}

/** A slip keeps the clip inside its source. */
export function slipRange(placed: PlacedClip, asset: Asset | undefined, sequence: Sequence): DeltaRange {
  if (!asset || asset.kind === 'image') return { min: 0, max: 0 };
  return { min: -sourceInFrames(placed, asset, sequence), max: tailHandle(placed, asset, sequence) };
}

/** The clip right after `placed` when it touches it (a cut that can be rolled or get a transition). */
export function adjacentAfter(layout: SequenceLayout, placed: PlacedClip): PlacedClip | null {
  const { after } = neighbours(layout, placed);
  return after && after.startFrame === placed.endFrame ? after : null;
}

export function adjacentBefore(layout: SequenceLayout, placed: PlacedClip): PlacedClip | null {
  const { before } = neighbours(layout, placed);
  return before && before.endFrame === placed.startFrame ? before : null;
}

/** The cut nearest to a frame on a track (between two touching clips), within `threshold` frames. */
export function nearestCut(
  layout: SequenceLayout,
  trackId: string,
  frame: number,
  threshold: number,
): { left: PlacedClip; frame: number } | null {
  const track = layout.tracks.find((candidate) => candidate.track.id === trackId);
  if (!track) return null;
  let best: { left: PlacedClip; frame: number } | null = null;
  for (let index = 0; index + 1 < track.clips.length; index += 1) {
    const left = track.clips[index]!;
    const right = track.clips[index + 1]!;
    if (left.endFrame !== right.startFrame) continue;
    const distance = Math.abs(left.endFrame - frame);
    if (distance <= threshold && (!best || distance < Math.abs(best.frame - frame)))
      best = { left, frame: left.endFrame };
  }
  return best;
}
