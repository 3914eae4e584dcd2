import type { Rational } from '../../time/rational';
import { rescale } from '../../time/rescale';
import type { Asset } from '../schema/asset';

/**
 * The units a clip's sourceIn counts for its asset: frames at the video rate for video, samples for
 * audio. Stills have no units (null): they hold for any length and never move in their source.
 */
export interface SourceUnits {
  rate: Rational;
  /** How many units the file holds. */
  length: number;
}

export function sourceUnitsOf(asset: Asset): SourceUnits | null {
  if (asset.kind === 'image') return null;
  const { video, audio } = asset.media;
  if (asset.kind === 'video' && video) return { rate: video.rate, length: video.frameCount };
  if (audio) return { rate: { num: audio.sampleRate, den: 1 }, length: audio.sampleCount };
  if (video) return { rate: video.rate, length: video.frameCount };
  return null;
}

/** Sequence frames to the asset's units (0 for stills), rounded to the nearest unit. */
export function framesToSource(frames: number, sequenceRate: Rational, units: SourceUnits | null): number {
  return units ? rescale(frames, sequenceRate, units.rate, 'round') : 0;
}

/** How many whole sequence frames of media the asset has from `sourceIn` on (Infinity for stills). */
export function framesAvailableFrom(
  sourceIn: number,
  sequenceRate: Rational,
  units: SourceUnits | null,
): number {
  if (!units) return Number.POSITIVE_INFINITY;
  return rescale(Math.max(0, units.length - sourceIn), units.rate, sequenceRate, 'floor');
}

/** How many whole sequence frames of media lie before `sourceIn` (Infinity for stills). */
export function framesBefore(sourceIn: number, sequenceRate: Rational, units: SourceUnits | null): number {
  if (!units) return Number.POSITIVE_INFINITY;
  return rescale(sourceIn, units.rate, sequenceRate, 'floor');
}
