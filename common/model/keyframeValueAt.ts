import type { Keyframe } from './schema/sequence';

/**
 * The value of a keyframed line at a frame: linear between keyframes, held before the first and
 * after the last; null when there are no keyframes (the caller's constant applies).
 */
export function keyframeValueAt(keyframes: readonly Keyframe[], frame: number): number | null {
  if (keyframes.length === 0) return null;
  const sorted = [...keyframes].sort((a, b) => a.frame - b.frame);
  const first = sorted[0] as Keyframe;
  if (frame <= first.frame) return first.value;
  for (let index = 1; index < sorted.length; index += 1) {
    const left = sorted[index - 1] as Keyframe;
    const right = sorted[index] as Keyframe;
    if (frame <= right.frame) {
      const span = right.frame - left.frame;
      return span === 0
        ? right.value
        : left.value + ((right.value - left.value) * (frame - left.frame)) / span;
    }
  }
  return (sorted.at(-1) as Keyframe).value;
}
