import type { Project } from '../schema/project';
import type { TrackItem } from '../schema/sequence';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { findEditableItem, getSequence } from './sequenceAccess';
import { commitTrack } from './trackChecks';

interface ItemRef {
  sequenceId: string;
  itemId: string;
}

/** Takes a clip out and leaves a gap of its length (transitions at its cuts go); a transition is removed. */
export function lift(document: Project, ref: ItemRef): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, ref.sequenceId);
    const { track, item, index } = findEditableItem(sequence, ref.itemId);
    if (item.type === 'gap') refuse('A gap cannot be lifted; use ripple delete to close it.');
    const replacement: TrackItem[] =
      item.type === 'clip' ? [{ type: 'gap', id: item.id, durationFrames: item.durationFrames }] : [];
    const items = [...track.items.slice(0, index), ...replacement, ...track.items.slice(index + 1)];
    return commitTrack(document, sequence, track, items);
  });
}

/** Takes a clip or gap out and closes the space: everything after it moves earlier. */
export function rippleDelete(document: Project, ref: ItemRef): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, ref.sequenceId);
    const { track, index } = findEditableItem(sequence, ref.itemId);
    const items = [...track.items.slice(0, index), ...track.items.slice(index + 1)];
    return commitTrack(document, sequence, track, items);
  });
}
