import type { Asset, Clip, Sequence, Track, Transition } from '../model';
import { rescale } from '../time/rescale';
import type { PlanIssue } from './renderPlan';

/** A clip where the timeline places it. */
export interface PlacedClip {
  clip: Clip;
  asset: Asset;
  track: Track;
  /** Timeline frame where the clip starts. */
  startFrame: number;
  path: Array<string | number>;
}

/**
 * One stretch of the flattened picture track. A transition window [startFrame, +windowFrames) shows
 * `from` blending into `to`; renderStart/renderFrames are the part inside the exported range.
 * `overlays`: clips of upper video tracks shown over the whole stretch, lowest first.
 */
export type PictureSegment = (
  | { kind: 'clip'; startFrame: number; durationFrames: number; placed: PlacedClip }
  | { kind: 'gap'; startFrame: number; durationFrames: number }
  | {
      kind: 'transition';
      startFrame: number;
      durationFrames: number;
      windowStart: number;
      windowFrames: number;
      transition: Transition;
      from: PlacedClip;
      to: PlacedClip;
    }
) & { overlays?: PlacedClip[] };

export interface FlatTrack {
  segments: PictureSegment[];
  clips: PlacedClip[];
  lengthFrames: number;
}

/** Whether the clip's source covers the timeline frames [clipFrom, clipTo) relative to its start. */
function sourceCovers(placed: PlacedClip, sequence: Sequence, clipFrom: number, clipTo: number): boolean {
  const { asset, clip } = placed;
  if (asset.kind === 'image') return true;
  if (asset.kind === 'video' && asset.media.video) {
    const rate = asset.media.video.rate;
    const first = clip.sourceIn + rescale(clipFrom, sequence.rate, rate, 'floor');
    const last = clip.sourceIn + rescale(clipTo, sequence.rate, rate, 'ceil');
    // One frame of slack: rate conversion may round onto the last frame.
    return first >= 0 && last <= asset.media.video.frameCount + 1;
  }
  if (asset.media.audio) {
    const sampleRate = { num: asset.media.audio.sampleRate, den: 1 };
    const first = clip.sourceIn + rescale(clipFrom, sequence.rate, sampleRate, 'floor');
    const last = clip.sourceIn + rescale(clipTo, sequence.rate, sampleRate, 'ceil');
    return first >= 0 && last <= asset.media.audio.sampleCount + sampleRate.num;
  }
  return false;
}

/**
 * Lays a track out: clips and gaps in order, transitions centred on the cut between two clips
 * (using handles from both, adding no length). Reports every problem found.
 */
export function flattenTrack(
  track: Track,
  trackPath: Array<string | number>,
  sequence: Sequence,
  assets: Record<string, Asset>,
  issues: PlanIssue[],
): FlatTrack {
  const clips: PlacedClip[] = [];
  const placedByIndex = new Map<number, PlacedClip>();
  const itemStart: number[] = [];
  let position = 0;
  track.items.forEach((item, index) => {
    itemStart[index] = position;
    if (item.type === 'transition') return;
    if (item.type === 'clip') {
      const asset = assets[item.assetId];
      const path = [...trackPath, 'items', index];
      if (!asset) {
        issues.push({
          code: 'ASSET_MISSING',
          message: `Clip "${item.name || item.id}" uses an asset that is not in the project.`,
          path,
        });
      } else {
        const placed = { clip: item, asset, track, startFrame: position, path };
        placedByIndex.set(index, placed);
        if (item.enabled) clips.push(placed);
        if (!sourceCovers(placed, sequence, 0, item.durationFrames)) {
          issues.push({
            code: 'CLIP_BEYOND_SOURCE',
            message: `Clip "${item.name || item.id}" runs past the end of its media.`,
            path,
          });
        }
      }
    }
    position += item.durationFrames;
  });

  // Transition windows, checked against both neighbours and their handles.
  const windows = new Map<
    number,
    { start: number; frames: number; transition: Transition; from: PlacedClip; to: PlacedClip }
  >();
  track.items.forEach((item, index) => {
    if (item.type !== 'transition') return;
    const path = [...trackPath, 'items', index];
    const from = placedByIndex.get(index - 1);
    const to = placedByIndex.get(index + 1);
    if (!from || !to) {
      issues.push({
        code: 'TRANSITION_NOT_BETWEEN_CLIPS',
        message: 'A transition must sit between two clips.',
        path,
      });
      return;
    }
    const cut = itemStart[index] ?? 0;
    const before = Math.floor(item.durationFrames / 2);
    const after = item.durationFrames - before;
    const start = cut - before;
    if (before > from.clip.durationFrames || after > to.clip.durationFrames) {
      issues.push({
        code: 'TRANSITION_TOO_LONG',
        message: 'The transition is longer than the clips around it.',
        path,
      });
      return;
    }
    if (!sourceCovers(from, sequence, from.clip.durationFrames, from.clip.durationFrames + after)) {
      issues.push({
        code: 'TRANSITION_HANDLES',
        message: `"${from.clip.name || from.clip.id}" has no media after its end for the transition (${after} frames needed).`,
        path,
      });
      return;
    }
    if (!sourceCovers(to, sequence, -before, 0)) {
      issues.push({
        code: 'TRANSITION_HANDLES',
        message: `"${to.clip.name || to.clip.id}" has no media before its start for the transition (${before} frames needed).`,
        path,
      });
      return;
    }
    windows.set(index, { start, frames: item.durationFrames, transition: item, from, to });
  });

  // Segments: clip bodies outside transition windows, gaps, and the windows themselves.
  const segments: PictureSegment[] = [];
  track.items.forEach((item, index) => {
    if (item.type === 'gap') {
      segments.push({ kind: 'gap', startFrame: itemStart[index] ?? 0, durationFrames: item.durationFrames });
      return;
    }
    if (item.type === 'transition') {
      const window = windows.get(index);
      if (!window) return;
      segments.push({
        kind: 'transition',
        startFrame: window.start,
        durationFrames: window.frames,
        windowStart: window.start,
        windowFrames: window.frames,
        transition: window.transition,
        from: window.from,
        to: window.to,
      });
      return;
    }
    const placed = placedByIndex.get(index);
    const start = itemStart[index] ?? 0;
    const end = start + item.durationFrames;
    const left = windows.get(index - 1);
    const right = windows.get(index + 1);
    const bodyStart = left ? left.start + left.frames : start;
    const bodyEnd = right ? right.start : end;
    if (bodyEnd < bodyStart) {
      issues.push({
        code: 'TRANSITIONS_OVERLAP',
        message: 'Two transitions overlap on one clip.',
        path: [...trackPath, 'items', index],
      });
      return;
    }
    if (bodyEnd === bodyStart) return;
    if (!placed || !item.enabled) {
      segments.push({ kind: 'gap', startFrame: bodyStart, durationFrames: bodyEnd - bodyStart });
      return;
    }
    segments.push({ kind: 'clip', startFrame: bodyStart, durationFrames: bodyEnd - bodyStart, placed });
  });
  return { segments, clips, lengthFrames: position };
}

/** The part of each segment inside [rangeStart, rangeEnd), with gaps filling the track to `end`. */
export function clipSegmentsToRange(
  segments: PictureSegment[],
  rangeStart: number,
  rangeEnd: number,
): PictureSegment[] {
  const result: PictureSegment[] = [];
  let covered = rangeStart;
  for (const segment of segments) {
    const from = Math.max(segment.startFrame, rangeStart);
    const to = Math.min(segment.startFrame + segment.durationFrames, rangeEnd);
    if (to <= from) continue;
    if (from > covered) result.push({ kind: 'gap', startFrame: covered, durationFrames: from - covered });
    result.push({ ...segment, startFrame: from, durationFrames: to - from });
    covered = to;
  }
  if (rangeEnd > covered)
    result.push({ kind: 'gap', startFrame: covered, durationFrames: rangeEnd - covered });
  return result;
}
