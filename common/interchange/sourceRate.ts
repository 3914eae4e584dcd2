import type { Asset } from '../model/schema/asset';
import type { Rational } from '../time/rational';

/** The units a clip's sourceIn counts in: the video's frames, the audio's samples, or (stills) the sequence's frames. */
export function sourceRateOf(asset: Asset, sequenceRate: Rational): Rational {
  if (asset.kind === 'video' && asset.media.video) return asset.media.video.rate;
  if (asset.kind === 'audio' && asset.media.audio) return { num: asset.media.audio.sampleRate, den: 1 };
  return sequenceRate;
}

/** How long the asset's media is, in its source units; null for stills (unlimited). */
export function sourceLengthOf(asset: Asset): number | null {
  if (asset.kind === 'video' && asset.media.video) return asset.media.video.frameCount;
  if (asset.kind === 'audio' && asset.media.audio) return asset.media.audio.sampleCount;
  return null;
}
