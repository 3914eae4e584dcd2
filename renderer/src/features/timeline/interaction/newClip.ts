import type { NewClip } from '../../../../../common/model/commands/editCommand';
import type { Asset, Sequence, Track } from '../../../../../common/model';
import { assetRate, sourceLengthInFrames } from '../../viewer/playback/sequenceTiming';

/** Stills land on the timeline this long (seconds) unless trimmed. */
export const stillDurationSeconds = 5;

/**
 * A new clip for a range of an asset given in seconds (whole asset when no range): sourceIn in the
 * asset's own units, duration in sequence frames.
 */
export function newClipFromAsset(
  asset: Asset,
  sequence: Sequence,
  options: { shotId?: string | null; inSeconds?: number | null; outSeconds?: number | null } = {},
): NewClip | null {
  const fps = sequence.rate.num / sequence.rate.den;
  const rate = assetRate(asset);
  const length = sourceLengthInFrames(asset, sequence.rate);
  const inSeconds = Math.max(0, options.inSeconds ?? 0);
  const totalSeconds =
    length === null ? stillDurationSeconds : asset.media.duration.num / asset.media.duration.den;
  const outSeconds = Math.min(totalSeconds, options.outSeconds ?? totalSeconds);
  // Marks sit on frames: round each to the nearest sequence frame (media times are not exact).
  const durationFrames =
    options.outSeconds === null || options.outSeconds === undefined
      ? Math.floor((outSeconds - inSeconds) * fps + 1e-6)
      : Math.round(outSeconds * fps) - Math.round(inSeconds * fps);
  if (durationFrames < 1) return null;
  return {
    assetId: asset.id,
    shotId: options.shotId ?? null,
    name: asset.name,
    sourceIn: asset.kind === 'image' ? 0 : Math.round((inSeconds * rate.num) / rate.den),
    durationFrames,
  };
}

/** The track an asset goes to by default: the first unlocked track of its kind (V1, A1…). */
export function defaultTrackFor(sequence: Sequence, asset: Asset): Track | null {
  const tracks = asset.kind === 'audio' ? sequence.audioTracks : sequence.videoTracks;
  const preferred = asset.kind === 'audio' ? tracks.filter((track) => track.role === 'music') : [];
  return [...preferred, ...tracks].find((track) => !track.locked) ?? null;
}
