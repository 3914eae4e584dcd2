import type { Asset, Sequence } from '../model';
import type { Rational } from '../time/rational';
import { rescale, ticksToSecondsString } from '../time/rescale';
import type { PlacedClip } from './flatten';

const microsecond: Rational = { num: 1_000_000, den: 1 };

/** The rate of an asset's own units (frames for video, samples for audio); null for stills. */
export function sourceUnitRate(asset: Asset): Rational | null {
  if (asset.kind === 'image') return null;
  if (asset.kind === 'video' && asset.media.video) return asset.media.video.rate;
  if (asset.media.audio) return { num: asset.media.audio.sampleRate, den: 1 };
  return null;
}

/**
 * Microseconds into the source file that timeline frame `clipOffsetFrames` (relative to the clip's
 * start, may be negative inside a transition's handle) shows. Floored, so that ffmpeg's accurate seek
 * keeps the frame whose time this is.
 */
export function sourceOffsetUs(placed: PlacedClip, sequence: Sequence, clipOffsetFrames: number): number {
  const unitRate = sourceUnitRate(placed.asset);
  const inUs = unitRate ? rescale(placed.clip.sourceIn, unitRate, microsecond, 'floor') : 0;
  const offsetUs = rescale(clipOffsetFrames, sequence.rate, microsecond, 'floor');
  return Math.max(0, inUs + offsetUs);
}

export function usToSeconds(us: number): string {
  return ticksToSecondsString(us, microsecond);
}

export function framesToSeconds(frames: number, rate: Rational): string {
  return ticksToSecondsString(frames, rate);
}

export function framesToUs(frames: number, rate: Rational): number {
  return rescale(frames, rate, microsecond, 'round');
}

/** The timeline sample where timeline frame `frame` begins; chunks tile exactly with this. */
export function sampleAt(frame: number, sequence: Sequence): number {
  return rescale(frame, sequence.rate, { num: sequence.sampleRate, den: 1 }, 'round');
}
