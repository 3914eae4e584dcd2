import { keyframeValueAt } from '../keyframeValueAt';
import type { Clip, Gap, Keyframe, TrackItem } from '../schema/sequence';
import type { EditContext } from './editContext';
import { isClip, isGap, isTransition, itemLength, itemStarts } from './timelineItems';

/** Keyframes of [0, at] and of [at, end] (shifted to start at 0), each with a point at the cut. */
function splitKeyframes(keyframes: readonly Keyframe[], at: number): [Keyframe[], Keyframe[]] {
  if (keyframes.length === 0) return [[], []];
  const value = keyframeValueAt(keyframes, at) as number;
  const left = keyframes.filter((point) => point.frame < at);
  const right = keyframes
    .filter((point) => point.frame > at)
    .map((point) => ({ ...point, frame: point.frame - at }));
  return [
    [...left, { frame: at, value }],
    [{ frame: 0, value }, ...right],
  ];
}

/** Splits a clip `leftFrames` into its length: two clips that play exactly what it played. */
export function splitClip(
  context: EditContext,
  clip: Clip,
  leftFrames: number,
  rightId?: string,
): [Clip, Clip] {
  const [leftVolume, rightVolume] = splitKeyframes(clip.volumeKeyframes, leftFrames);
  const [leftOpacity, rightOpacity] = splitKeyframes(clip.opacityKeyframes, leftFrames);
  const left: Clip = {
    ...clip,
    durationFrames: leftFrames,
    volumeKeyframes: leftVolume,
    opacityKeyframes: leftOpacity,
    videoFadeOutFrames: 0,
    audioFadeOutFrames: 0,
  };
  const right: Clip = {
    ...clip,
    id: rightId ?? context.newItemId(),
    sourceIn: clip.sourceIn + context.toSource(clip, leftFrames),
    durationFrames: clip.durationFrames - leftFrames,
    volumeKeyframes: rightVolume,
    opacityKeyframes: rightOpacity,
    videoFadeInFrames: 0,
    audioFadeInFrames: 0,
  };
  return [fitClipExtras(left), fitClipExtras(right)];
}

/**
 * Makes sure an item boundary exists at `frame` (splitting the clip or gap across it, or padding
 * the track with a gap) and returns the items and the index of the first item at or after it.
 * At a cut with a transition the index points at the transition.
 */
export function cutAt(
  context: EditContext,
  items: readonly TrackItem[],
  frame: number,
  rightId?: string,
): { items: TrackItem[]; index: number } {
  const starts = itemStarts(items);
  const result = [...items];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as TrackItem;
    const start = starts[index] as number;
    if (start === frame) return { items: result, index };
    const length = itemLength(item);
    if (start < frame && frame < start + length) {
      const leftFrames = frame - start;
      if (isClip(item)) {
        result.splice(index, 1, ...splitClip(context, item, leftFrames, rightId));
      } else {
        const gap = item as Gap;
        result.splice(
          index,
          1,
          { ...gap, durationFrames: leftFrames },
          {
            type: 'gap',
            id: rightId ?? context.newItemId(),
            durationFrames: gap.durationFrames - leftFrames,
          },
        );
      }
      return { items: result, index: index + 1 };
    }
  }
  const end = starts.length > 0 ? (starts.at(-1) as number) + itemLength(items.at(-1) as TrackItem) : 0;
  if (frame > end) result.push({ type: 'gap', id: context.newItemId(), durationFrames: frame - end });
  return { items: result, index: result.length };
}

/** Fades no longer than the clip, keyframes within it. */
export function fitClipExtras(clip: Clip): Clip {
  const duration = clip.durationFrames;
  const clampPair = (fadeIn: number, fadeOut: number): [number, number] => {
    const fadeInFrames = Math.min(fadeIn, duration);
    return [fadeInFrames, Math.min(fadeOut, duration - fadeInFrames)];
  };
  const [videoIn, videoOut] = clampPair(clip.videoFadeInFrames, clip.videoFadeOutFrames);
  const [audioIn, audioOut] = clampPair(clip.audioFadeInFrames, clip.audioFadeOutFrames);
  const inside = (points: Keyframe[]) =>
    points.some((point) => point.frame > duration)
      ? points.filter((point) => point.frame <= duration)
      : points;
  const next: Clip = {
    ...clip,
    videoFadeInFrames: videoIn,
    videoFadeOutFrames: videoOut,
    audioFadeInFrames: audioIn,
    audioFadeOutFrames: audioOut,
    volumeKeyframes: inside(clip.volumeKeyframes),
    opacityKeyframes: inside(clip.opacityKeyframes),
  };
  const same =
    videoIn === clip.videoFadeInFrames &&
    videoOut === clip.videoFadeOutFrames &&
    audioIn === clip.audioFadeInFrames &&
    audioOut === clip.audioFadeOutFrames &&
    next.volumeKeyframes === clip.volumeKeyframes &&
    next.opacityKeyframes === clip.opacityKeyframes;
  return same ? clip : next;
}

/**
 * The canonical form of a track: no empty items, neighbouring gaps merged, no gap at the end,
 * transitions only between two clips, fades and keyframes within their clips.
 */
export function normalizeItems(items: readonly TrackItem[]): TrackItem[] {
  const kept = items.filter((item) => isTransition(item) || item.durationFrames > 0);
  const withTransitions = kept.filter(
    (item, index) => !isTransition(item) || (isClip(kept[index - 1]) && isClip(kept[index + 1])),
  );
  const merged: TrackItem[] = [];
  for (const item of withTransitions) {
    const previous = merged.at(-1);
    if (isGap(item) && isGap(previous)) {
      merged[merged.length - 1] = {
        ...previous,
        durationFrames: previous.durationFrames + item.durationFrames,
      };
    } else {
      merged.push(isClip(item) ? fitClipExtras(item) : item);
    }
  }
  while (isGap(merged.at(-1))) merged.pop();
  return merged;
}

/** Removes the transition sitting exactly at `index`, if there is one. */
export function withoutTransitionAt(items: TrackItem[], index: number): TrackItem[] {
  return isTransition(items[index]) ? [...items.slice(0, index), ...items.slice(index + 1)] : items;
}
