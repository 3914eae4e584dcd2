import type { NewClip } from '../commands/editCommand';
import { newClip } from '../newClip';
import type { Project } from '../schema/project';
import type { Clip } from '../schema/sequence';
import { editContext, type EditContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { cutAt, withoutTransitionAt } from './itemList';
import { getEditableTrack, getSequence } from './sequenceAccess';
import { checkClipKind, commitTrack } from './trackChecks';
import { itemsLength } from './timelineItems';

export function buildClip(context: EditContext, spec: NewClip): Clip {
  refuseUsedItemId(context, spec.id);
  const asset = context.document.assets[spec.assetId] ?? refuse(`There is no asset ${spec.assetId}.`);
  if (spec.shotId && !context.document.shots[spec.shotId]) refuse(`There is no shot ${spec.shotId}.`);
  return newClip({
    id: spec.id ?? context.newItemId(),
    assetId: spec.assetId,
    shotId: spec.shotId ?? null,
    name: spec.name ?? asset.name,
    sourceIn: spec.sourceIn ?? 0,
    durationFrames: spec.durationFrames,
  });
}

/** Refuses an id already used by an item of the sequence. */
export function refuseUsedItemId(context: EditContext, id: string | undefined): void {
  if (id === undefined) return;
  const used = [...context.sequence.videoTracks, ...context.sequence.audioTracks].some((track) =>
    track.items.some((item) => item.id === id),
  );
  if (used) refuse(`The id ${id} is already used in this sequence.`);
}

interface Placement {
  sequenceId: string;
  trackId: string;
  frame: number;
  clip: NewClip;
}

/** Puts a clip at a frame and pushes everything after it later (a transition at that cut goes). */
export function insertClip(document: Project, placement: Placement): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, placement.sequenceId);
    const track = getEditableTrack(sequence, placement.trackId);
    const context = editContext(document, sequence);
    const clip = buildClip(context, placement.clip);
    checkClipKind(context, track, clip);
    const cut = cutAt(context, track.items, placement.frame);
    const items = withoutTransitionAt(cut.items, cut.index);
    items.splice(cut.index, 0, clip);
    return commitTrack(document, sequence, track, items);
  });
}

/** Puts a clip at a frame over whatever was there; nothing after it moves. */
export function overwriteClip(document: Project, placement: Placement): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, placement.sequenceId);
    const track = getEditableTrack(sequence, placement.trackId);
    const context = editContext(document, sequence);
    const clip = buildClip(context, placement.clip);
    checkClipKind(context, track, clip);
    return commitTrack(
      document,
      sequence,
      track,
      overwriteItems(context, track.items, placement.frame, clip),
    );
  });
}

/** The items with `clip` laid over [frame, frame + length); transitions at both cuts go. */
export function overwriteItems(
  context: EditContext,
  items: Parameters<typeof cutAt>[1],
  frame: number,
  clip: Clip,
): ReturnType<typeof cutAt>['items'] {
  const atStart = cutAt(context, items, frame);
  const atEnd = cutAt(context, atStart.items, frame + clip.durationFrames);
  const after = withoutTransitionAt(atEnd.items.slice(atEnd.index), 0);
  const before = atEnd.items.slice(0, atStart.index);
  return [...before, clip, ...after];
}

/** Puts a clip at the end of a track. */
export function appendClip(document: Project, request: Omit<Placement, 'frame'>): EditResult {
  const sequence = document.sequences[request.sequenceId];
  const track =
    sequence && [...sequence.videoTracks, ...sequence.audioTracks].find((t) => t.id === request.trackId);
  return insertClip(document, { ...request, frame: track ? itemsLength(track.items) : 0 });
}
