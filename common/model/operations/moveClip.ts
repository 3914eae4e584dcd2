import type { Project } from '../schema/project';
import type { Sequence } from '../schema/sequence';
import { editContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { overwriteItems } from './placeClips';
import { findEditableItem, getEditableTrack, getSequence } from './sequenceAccess';
import { checkClipKind, commitTrack } from './trackChecks';
import { itemLength } from './timelineItems';

/**
 * Moves a clip to a frame on a track (the same or another of its kind): it leaves a gap behind and
 * overwrites what lies at its new place. Transitions at its old and new cuts go.
 */
export function moveClip(
  document: Project,
  request: { sequenceId: string; itemId: string; toTrackId: string; toFrame: number },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const source = findEditableItem(sequence, request.itemId);
    if (source.item.type !== 'clip') refuse('Only clips can be moved.');
    const clip = source.item;
    const target = getEditableTrack(sequence, request.toTrackId);
    if (target.kind !== source.track.kind)
      refuse(`A ${source.track.kind} clip cannot move to a ${target.kind} track.`);
    if (source.track.id === target.id && source.startFrame === request.toFrame) return document;
    const context = editContext(document, sequence);
    checkClipKind(context, target, clip);
    const lifted = [
      ...source.track.items.slice(0, source.index),
      { type: 'gap' as const, id: context.newItemId(), durationFrames: itemLength(clip) },
      ...source.track.items.slice(source.index + 1),
    ];
    const afterLift = commitTrack(document, sequence, source.track, lifted);
    const liftedSequence = afterLift.sequences[sequence.id] as Sequence;
    const targetTrack = getEditableTrack(liftedSequence, target.id);
    const placed = overwriteItems(
      editContext(afterLift, liftedSequence),
      targetTrack.items,
      request.toFrame,
      clip,
    );
    return commitTrack(afterLift, liftedSequence, targetTrack, placed);
  });
}
