import type { Project } from '../schema/project';
import { editContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { cutAt } from './itemList';
import { refuseUsedItemId } from './placeClips';
import { getEditableTrack, getSequence } from './sequenceAccess';
import { commitTrack } from './trackChecks';
import { itemStarts } from './timelineItems';

/** Cuts the clip under `frame` into two that play exactly what it played. */
export function splitAtFrame(
  document: Project,
  request: { sequenceId: string; trackId: string; frame: number; newItemId?: string | undefined },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const track = getEditableTrack(sequence, request.trackId);
    const starts = itemStarts(track.items);
    const under = track.items.findIndex(
      (item, index) =>
        item.type === 'clip' &&
        (starts[index] as number) < request.frame &&
        request.frame < (starts[index] as number) + item.durationFrames,
    );
    if (under < 0) refuse('There is no clip under that frame to split (or the frame is already a cut).');
    const context = editContext(document, sequence);
    refuseUsedItemId(context, request.newItemId);
    const { items } = cutAt(context, track.items, request.frame, request.newItemId);
    return commitTrack(document, sequence, track, items);
  });
}
