import { keyframeValueAt, type Asset, type Clip } from '../../../../../common/model';
import { opacityAt } from '../../../../../common/render/opacity';
import type { Rational } from '../../../../../common/time';
import {
  clipAtFrame,
  type PlacedClip,
  type PlacedTransition,
  type SequenceLayout,
  type TrackLayout,
} from '../../timeline/geometry/trackLayout';

/** What the program viewer shows at a frame: one clip, or two mixed by a transition. */
export type PictureAt =
  | { kind: 'none' }
  | { kind: 'clip'; placed: PlacedClip }
  | {
      kind: 'transition';
      transition: PlacedTransition;
      outgoing: PlacedClip;
      incoming: PlacedClip;
      /** 0 at the transition's first frame, towards 1 at its last. */
      progress: number;
    };

function transitionAt(track: TrackLayout, frame: number): PlacedTransition | null {
  return track.transitions.find((placed) => frame >= placed.startFrame && frame < placed.endFrame) ?? null;
}

/**
 * The shown video tracks that have clips, lowest first, as the export composites them: the first is
 * the picture, the others lie over it (their gaps and the bars of fitted clips are transparent).
 */
export function pictureTracks(layout: SequenceLayout): TrackLayout[] {
  return layout.tracks
    .filter((track) => track.track.kind === 'video' && !track.track.muted && track.clips.length > 0)
    .reverse(); // the layout lists video tracks top first
}

/** The picture at a frame: the lowest shown video track's clip, or two clips in its transition. */
export function pictureAt(layout: SequenceLayout, frame: number): PictureAt {
  const track = pictureTracks(layout)[0];
  if (!track) return { kind: 'none' };
  const transition = transitionAt(track, frame);
  if (transition && transition.leftClipId && transition.rightClipId) {
    const outgoing = layout.clipsById.get(transition.leftClipId);
    const incoming = layout.clipsById.get(transition.rightClipId);
    if (outgoing && incoming) {
      const progress = (frame - transition.startFrame) / transition.transition.durationFrames;
      return { kind: 'transition', transition, outgoing, incoming, progress };
    }
  }
  const placed = clipAtFrame(track, frame);
  return placed && placed.clip.enabled ? { kind: 'clip', placed } : { kind: 'none' };
}

/** The clips over the picture at a frame, one per upper track that has one there, lowest first. */
export function overlaysAt(layout: SequenceLayout, frame: number): PlacedClip[] {
  return pictureTracks(layout)
    .slice(1)
    .flatMap((track) => {
      const placed = clipAtFrame(track, frame);
      return placed && placed.clip.enabled ? [placed] : [];
    });
}

/**
 * How opaque a clip's picture is at a frame of the clip: its opacity line times its video fades,
 * as the export applies them.
 */
export function pictureOpacityAt(clip: Clip, localFrame: number): number {
  let value = opacityAt(clip, localFrame);
  if (clip.videoFadeInFrames > 0) value *= Math.min(1, localFrame / clip.videoFadeInFrames);
  if (clip.videoFadeOutFrames > 0)
    value *= Math.min(1, (clip.durationFrames - localFrame) / clip.videoFadeOutFrames);
  return Math.min(1, Math.max(0, value));
}

/** The clip that plays next after `frame` on the track of `current` (for preloading). */
export function nextClipAfter(layout: SequenceLayout, current: PlacedClip): PlacedClip | null {
  const track = layout.tracks.find((candidate) => candidate.track.id === current.trackId);
  if (!track) return null;
  return track.clips.find((placed) => placed.startFrame >= current.endFrame) ?? null;
}

/** The first clip at or after a frame on the picture track (what to preload when nothing plays yet). */
export function firstVideoClipFrom(layout: SequenceLayout, frame: number): PlacedClip | null {
  return pictureTracks(layout)[0]?.clips.find((placed) => placed.endFrame > frame) ?? null;
}

/** The asset's own rate for video, or the sample rate for audio; sourceIn counts in these units. */
export function assetRate(asset: Asset | undefined): Rational {
  if (!asset) return { num: 1, den: 1 };
  if (asset.kind === 'video' && asset.media.video) return asset.media.video.rate;
  if (asset.kind === 'audio' && asset.media.audio) return { num: asset.media.audio.sampleRate, den: 1 };
  return { num: 1, den: 1 };
}

/**
 * Seconds into the source file at a (possibly fractional) sequence frame: the clip's source start
 * plus the time since the clip's start. Frames before the clip or past its end reach into handles.
 */
export function sourceSecondsAt(
  placed: PlacedClip,
  frame: number,
  sequenceRate: Rational,
  asset: Asset | undefined,
): number {
  const rate = assetRate(asset);
  const sourceStart = (placed.clip.sourceIn * rate.den) / rate.num;
  return Math.max(0, sourceStart + ((frame - placed.startFrame) * sequenceRate.den) / sequenceRate.num);
}

/** Length of the source in sequence frames (how far a clip may be trimmed or slipped). */
export function sourceLengthInFrames(asset: Asset | undefined, sequenceRate: Rational): number | null {
  if (!asset || asset.kind === 'image') return null;
  const seconds = asset.media.duration.num / asset.media.duration.den;
  return Math.floor((seconds * sequenceRate.num) / sequenceRate.den + 1e-6);
}

/** The clip's volume in dB at a frame relative to its start: keyframes when it has any, else its gain. */
export function volumeDbAt(clip: Clip, localFrame: number): number {
  return keyframeValueAt(clip.volumeKeyframes, localFrame) ?? clip.gainDb;
}

/** Linear gain 0..1 at a frame relative to the clip's start, with fades; HTML media cannot go past 1. */
export function linearGainAt(clip: Clip, localFrame: number): number {
  if (clip.muted) return 0;
  let gain = Math.pow(10, volumeDbAt(clip, localFrame) / 20);
  if (clip.audioFadeInFrames > 0 && localFrame < clip.audioFadeInFrames)
    gain *= localFrame / clip.audioFadeInFrames;
  const fromEnd = clip.durationFrames - localFrame;
  if (clip.audioFadeOutFrames > 0 && fromEnd < clip.audioFadeOutFrames)
    gain *= Math.max(0, fromEnd / clip.audioFadeOutFrames);
  return Math.min(1, Math.max(0, gain));
}
