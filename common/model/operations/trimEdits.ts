import type { Project } from '../schema/project';
import type { Clip, TrackItem } from '../schema/sequence';
import { editContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { findEditableItem, getSequence } from './sequenceAccess';
import { commitTrack } from './trackChecks';
import { isClip, isGap, isTransition } from './timelineItems';

function gap(id: string, durationFrames: number): TrackItem {
  return { type: 'gap', id, durationFrames };
}

/**
 * Moves a clip's start or end edge by `deltaFrames` (positive = later). Without ripple the rest of
 * the track stays put: lengthening takes room from a neighbouring gap, shortening leaves a gap.
 * With ripple, everything after the clip moves instead (the clip's start stays where it is).
 */
export function trim(
  document: Project,
  request: {
    sequenceId: string;
    itemId: string;
    edge: 'start' | 'end';
    deltaFrames: number;
    ripple: boolean;
  },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.itemId);
    if (!isClip(item)) refuse('Only clips can be trimmed.');
    const context = editContext(document, sequence);
    const delta = request.deltaFrames;
    if (delta === 0) return document;
    const items = [...track.items];
    let clip: Clip;
    if (request.edge === 'end') {
      clip = { ...item, durationFrames: item.durationFrames + delta };
    } else {
      const sourceIn = item.sourceIn + context.toSource(item, delta);
      if (sourceIn < 0) refuse('The clip already starts at the beginning of its media.');
      clip = { ...item, sourceIn, durationFrames: item.durationFrames - delta };
    }
    if (clip.durationFrames < 1) refuse('A clip must stay at least one frame long.');
    items[index] = clip;
    if (!request.ripple) {
      const neighbourIndex = request.edge === 'end' ? index + 1 : index - 1;
      const neighbour = items[neighbourIndex];
      if (isTransition(neighbour))
        refuse('A transition sits on this cut: remove it first, or use a roll edit.');
      // Growth into the neighbour (end: +delta, start: -delta) or room left behind.
      const growth = request.edge === 'end' ? delta : -delta;
      if (growth > 0) {
        if (neighbour === undefined && request.edge === 'end') {
          // the end of the track: it simply gets longer
        } else if (isGap(neighbour) && neighbour.durationFrames >= growth) {
          items[neighbourIndex] = { ...neighbour, durationFrames: neighbour.durationFrames - growth };
        } else {
          refuse('There is no room: the neighbouring clip is in the way. Use a ripple trim or a roll edit.');
        }
      } else if (request.edge === 'end') {
        items.splice(index + 1, 0, gap(context.newItemId(), -growth));
      } else {
        items.splice(index, 0, gap(context.newItemId(), -growth));
      }
    }
    return commitTrack(document, sequence, track, items);
  });
}

/**
 * Moves the cut between a clip and the item after it (clip or gap) by `deltaFrames`: one gets
 * longer, the other shorter, nothing else moves. A transition on the cut moves with it.
 */
export function roll(
  document: Project,
  request: { sequenceId: string; leftItemId: string; deltaFrames: number },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.leftItemId);
    if (item.type === 'transition') refuse('Roll a cut by naming the item on its left.');
    const rightIndex = isTransition(track.items[index + 1]) ? index + 2 : index + 1;
    const right = track.items[rightIndex];
    if (right === undefined || right.type === 'transition')
      refuse('There is no cut after this item to roll.');
    const delta = request.deltaFrames;
    const context = editContext(document, sequence);
    if (item.durationFrames + delta < 1 || right.durationFrames - delta < 1) {
      refuse('A roll cannot make either side shorter than one frame.');
    }
    const items = [...track.items];
    items[index] = { ...item, durationFrames: item.durationFrames + delta };
    items[rightIndex] = isClip(right)
      ? {
          ...right,
          sourceIn: right.sourceIn + context.toSource(right, delta),
          durationFrames: right.durationFrames - delta,
        }
      : { ...right, durationFrames: right.durationFrames - delta };
    const moved = items[rightIndex];
    if (isClip(moved) && moved.sourceIn < 0) refuse('The clip after the cut has no earlier media to show.');
    return commitTrack(document, sequence, track, items);
  });
}

/** Shows a different part of the media in the same place and length (positive = later media). */
export function slip(
  document: Project,
  request: { sequenceId: string; itemId: string; deltaFrames: number },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.itemId);
    if (!isClip(item)) refuse('Only clips can be slipped.');
    const context = editContext(document, sequence);
    if (context.unitsOf(item) === null) refuse('A still has nothing to slip.');
    const sourceIn = item.sourceIn + context.toSource(item, request.deltaFrames);
    if (sourceIn < 0) refuse('There is no earlier media to slip to.');
    const items = [...track.items];
    items[index] = { ...item, sourceIn };
    return commitTrack(document, sequence, track, items);
  });
}
