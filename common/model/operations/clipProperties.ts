import type { Project } from '../schema/project';
import type { Clip, Keyframe } from '../schema/sequence';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { findEditableItem, getSequence } from './sequenceAccess';
import { commitTrack } from './trackChecks';
import { isClip } from './timelineItems';

type ClipProperties = Partial<
  Pick<
    Clip,
    | 'name'
    | 'enabled'
    | 'fit'
    | 'opacity'
    | 'gainDb'
    | 'muted'
    | 'videoFadeInFrames'
    | 'videoFadeOutFrames'
    | 'audioFadeInFrames'
    | 'audioFadeOutFrames'
  >
>;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** Opacity, gain, mute, fades, name, fit. Fades must fit inside the clip (in + out ≤ its length). */
export function setClipProperties(
  document: Project,
  request: { sequenceId: string; itemId: string; properties: ClipProperties },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.itemId);
    if (!isClip(item)) refuse('Only clips have these properties.');
    const clip: Clip = { ...item, ...definedOnly(request.properties) };
    if (clip.videoFadeInFrames + clip.videoFadeOutFrames > clip.durationFrames) {
      refuse(
        `The picture fades (${clip.videoFadeInFrames} + ${clip.videoFadeOutFrames} frames) are longer than the clip.`,
      );
    }
    if (clip.audioFadeInFrames + clip.audioFadeOutFrames > clip.durationFrames) {
      refuse(
        `The sound fades (${clip.audioFadeInFrames} + ${clip.audioFadeOutFrames} frames) are longer than the clip.`,
      );
    }
    const items = [...track.items];
    items[index] = clip;
    return commitTrack(document, sequence, track, items);
  });
}

/**
 * Replaces a clip's volume (dB, −96…+24) or opacity (0…1) line. Points are at frames from the clip's
 * start, within its length, one per frame; they are stored in frame order.
 */
export function setKeyframes(
  document: Project,
  request: { sequenceId: string; itemId: string; parameter: 'volume' | 'opacity'; keyframes: Keyframe[] },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.itemId);
    if (!isClip(item)) refuse('Only clips have keyframes.');
    const [low, high] = request.parameter === 'volume' ? [-96, 24] : [0, 1];
    const sorted = [...request.keyframes].sort((a, b) => a.frame - b.frame);
    sorted.forEach((point, position) => {
      if (point.frame > item.durationFrames)
        refuse(`A keyframe at frame ${point.frame} lies past the clip's end.`);
      if (point.value < low || point.value > high)
        refuse(`A ${request.parameter} keyframe must be within ${low}…${high}.`);
      if (position > 0 && sorted[position - 1]?.frame === point.frame)
        refuse(`Two keyframes sit on frame ${point.frame}.`);
    });
    const items = [...track.items];
    items[index] =
      request.parameter === 'volume'
        ? { ...item, volumeKeyframes: sorted }
        : { ...item, opacityKeyframes: sorted };
    return commitTrack(document, sequence, track, items);
  });
}
