import type { Project } from '../schema/project';
import type { TransitionKind } from '../schema/sequence';
import { editContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { refuseUsedItemId } from './placeClips';
import { findEditableItem, getSequence } from './sequenceAccess';
import { commitTrack } from './trackChecks';
import { isClip, isTransition } from './timelineItems';

/**
 * Puts a transition on the cut after `leftItemId`. It is centred on the cut and uses handles of
 * both clips (refused with the frames missing when they are too short); the track keeps its length.
 */
export function addTransition(
  document: Project,
  request: {
    sequenceId: string;
    leftItemId: string;
    kind: TransitionKind;
    durationFrames: number;
    id?: string | undefined;
  },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.leftItemId);
    const next = track.items[index + 1];
    if (!isClip(item)) refuse('A transition goes after a clip.');
    if (isTransition(next)) refuse('This cut already has a transition: change it instead.');
    if (!isClip(next))
      refuse('A transition needs a clip right after this one (not a gap or the end of the track).');
    const context = editContext(document, sequence);
    refuseUsedItemId(context, request.id);
    const items = [...track.items];
    items.splice(index + 1, 0, {
      type: 'transition',
      id: request.id ?? context.newItemId(),
      kind: request.kind,
      durationFrames: request.durationFrames,
    });
    return commitTrack(document, sequence, track, items);
  });
}

export function removeTransition(
  document: Project,
  request: { sequenceId: string; transitionId: string },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.transitionId);
    if (!isTransition(item)) refuse('That item is not a transition.');
    return commitTrack(document, sequence, track, [
      ...track.items.slice(0, index),
      ...track.items.slice(index + 1),
    ]);
  });
}

export function setTransition(
  document: Project,
  request: {
    sequenceId: string;
    transitionId: string;
    kind?: TransitionKind | undefined;
    durationFrames?: number | undefined;
  },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.transitionId);
    if (!isTransition(item)) refuse('That item is not a transition.');
    const items = [...track.items];
    items[index] = {
      ...item,
      kind: request.kind ?? item.kind,
      durationFrames: request.durationFrames ?? item.durationFrames,
    };
    return commitTrack(document, sequence, track, items);
  });
}
