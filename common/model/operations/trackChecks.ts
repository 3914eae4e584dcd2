import type { Project } from '../schema/project';
import type { Clip, Sequence, Track, TrackItem } from '../schema/sequence';
import { editContext, type EditContext } from './editContext';
import { refuse } from './editResult';
import { normalizeItems } from './itemList';
import { withSequence, withTrack } from './sequenceAccess';
import { framesAvailableFrom, framesBefore } from './sourceUnits';
import { isClip, isTransition, transitionSpan } from './timelineItems';

function clipLabel(clip: Clip, context: EditContext): string {
  return `"${clip.name || context.document.assets[clip.assetId]?.name || clip.id}"`;
}

/** Refuses a clip whose asset cannot sit on this kind of track. */
export function checkClipKind(context: EditContext, track: Track, clip: Pick<Clip, 'assetId'>): void {
  const asset = context.document.assets[clip.assetId] ?? refuse(`There is no asset ${clip.assetId}.`);
  if (track.kind === 'video' && asset.kind === 'audio')
    refuse(`"${asset.name}" is sound only: put it on an audio track.`);
  if (track.kind === 'audio' && asset.kind === 'image')
    refuse(`"${asset.name}" is a still: put it on a video track.`);
}

/**
 * What every track must satisfy after an edit: each clip stays inside its media, and each
 * transition has room on both clips and enough handle (media beyond the cut) on both sides.
 */
export function checkTrackItems(context: EditContext, track: Track, items: readonly TrackItem[]): void {
  items.forEach((item, index) => {
    if (isClip(item)) {
      checkClipKind(context, track, item);
      const units = context.unitsOf(item);
      const available = framesAvailableFrom(item.sourceIn, context.rate, units);
      if (item.durationFrames > available) {
        refuse(
          `${clipLabel(item, context)} would run past the end of its media (${available} frames available from its in point).`,
        );
      }
      if (!units && item.sourceIn !== 0)
        refuse(`${clipLabel(item, context)} is a still: its source in point stays 0.`);
      const before = isTransition(items[index - 1])
        ? transitionSpan(items[index - 1]!.durationFrames).after
        : 0;
      const after = isTransition(items[index + 1])
        ? transitionSpan(items[index + 1]!.durationFrames).before
        : 0;
      if (before + after > item.durationFrames) {
        refuse(
          `${clipLabel(item, context)} is too short for the transitions on it (${before + after} frames needed).`,
        );
      }
    } else if (isTransition(item)) {
      const left = items[index - 1];
      const right = items[index + 1];
      if (!isClip(left) || !isClip(right)) refuse('A transition needs a clip on each side of its cut.');
      const span = transitionSpan(item.durationFrames);
      const tail =
        framesAvailableFrom(left.sourceIn, context.rate, context.unitsOf(left)) - left.durationFrames;
      if (tail < span.after) {
        refuse(
          `Not enough handle after ${clipLabel(left, context)} for a ${item.durationFrames}-frame transition: ${span.after} frames needed past the cut, ${Math.max(0, tail)} available.`,
        );
      }
      const head = framesBefore(right.sourceIn, context.rate, context.unitsOf(right));
      if (head < span.before) {
        refuse(
          `Not enough handle before ${clipLabel(right, context)} for a ${item.durationFrames}-frame transition: ${span.before} frames needed before the cut, ${head} available.`,
        );
      }
    }
  });
}

/** Normalizes new items for a track, checks them, and returns the document with them in place. */
export function commitTrack(
  document: Project,
  sequence: Sequence,
  track: Track,
  items: readonly TrackItem[],
): Project {
  const normalized = normalizeItems(items);
  checkTrackItems(editContext(document, sequence), track, normalized);
  return withSequence(document, withTrack(sequence, { ...track, items: normalized }));
}
