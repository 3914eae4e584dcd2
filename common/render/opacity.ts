import { keyframeValueAt, type Clip, type Sequence } from '../model';

/**
 * A clip's opacity frame by frame: its keyframes (linear between them, held before the first and
 * after the last) when it has any, else its constant `opacity`.
 */
export function opacityAt(clip: Clip, frame: number): number {
  return keyframeValueAt(clip.opacityKeyframes, frame) ?? clip.opacity;
}

/** Opacity in the 256 steps an 8-bit alpha can hold. */
const level = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 255) / 255;

/**
 * The opacity changes over clip frames [readFrom, readFrom + frames): the value at the first frame,
 * then each frame where the 8-bit level changes (so a ramp costs at most 256 changes, whatever its
 * length). Frames count from `readFrom`.
 */
export function opacitySteps(
  clip: Clip,
  readFrom: number,
  frames: number,
): Array<{ frame: number; value: number }> {
  const steps: Array<{ frame: number; value: number }> = [];
  let last = -1;
  for (let offset = 0; offset < frames; offset += 1) {
    const value = level(opacityAt(clip, readFrom + offset));
    if (value !== last) steps.push({ frame: offset, value });
    last = value;
  }
  return steps;
}

/**
 * Filters that apply the opacity line to frames read from clip frame `readFrom`: a colorchannelmixer
 * named `name`, set once, and a sendcmd that changes it half a frame before each change (robust to
 * timestamp rounding). `gains`: the mixer options to set (aa for alpha, rr/gg/bb for over black).
 */
export function animatedOpacityFilters(
  clip: Clip,
  sequence: Sequence,
  readFrom: number,
  frames: number,
  name: string,
  gains: string[],
): string[] {
  const steps = opacitySteps(clip, readFrom, frames);
  const [first, ...changes] = steps;
  const setting = (value: number) => gains.map((gain) => `${gain}=${value.toFixed(4)}`).join(':');
  const mixer = `colorchannelmixer@${name}=${setting(first?.value ?? 1)}`;
  if (changes.length === 0) return [mixer];
  const seconds = (frame: number) => (((frame - 0.5) * sequence.rate.den) / sequence.rate.num).toFixed(6);
  const commands = changes
    .map(
      (step) =>
        `${seconds(step.frame)} ${gains.map((gain) => `colorchannelmixer@${name} ${gain} ${step.value.toFixed(4)}`).join(',')}`,
    )
    .join(';');
  return [`sendcmd=c='${commands}'`, mixer];
}
