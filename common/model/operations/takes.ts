import type { Project } from '../schema/project';
import type { Clip, Sequence, Track } from '../schema/sequence';
import type { Take } from '../schema/shot';
import { editContext } from './editContext';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { findEditableItem, getSequence, withSequence } from './sequenceAccess';
import { framesAvailableFrom, framesToSource, sourceUnitsOf } from './sourceUnits';
import { checkTrackItems, commitTrack } from './trackChecks';
import { isClip } from './timelineItems';

function usableTake(document: Project, shotId: string, takeId: string): Take & { outputAssetId: string } {
  const take = document.takes[takeId];
  if (!take || take.shotId !== shotId) refuse(`Take ${takeId} is not a take of this shot.`);
  if (take.status !== 'succeeded' || take.outputAssetId === null)
    refuse('That take has no finished video yet.');
  return take as Take & { outputAssetId: string };
}

/**
 * The clip showing another asset with the same cut length: the same source in point when the new
 * media is long enough, otherwise the latest in point that still fits.
 */
function clipOnAsset(document: Project, sequence: Sequence, clip: Clip, assetId: string): Clip {
  const asset = document.assets[assetId] ?? refuse(`There is no asset ${assetId}.`);
  const units = sourceUnitsOf(asset);
  if (framesAvailableFrom(0, sequence.rate, units) < clip.durationFrames) {
    refuse(`"${asset.name}" is shorter than the clip's ${clip.durationFrames} frames.`);
  }
  if (!units) return { ...clip, assetId, sourceIn: 0 };
  let sourceIn = clip.sourceIn;
  if (framesAvailableFrom(sourceIn, sequence.rate, units) < clip.durationFrames) {
    sourceIn = Math.max(0, units.length - framesToSource(clip.durationFrames, sequence.rate, units));
    while (sourceIn > 0 && framesAvailableFrom(sourceIn, sequence.rate, units) < clip.durationFrames)
      sourceIn -= 1;
  }
  return { ...clip, assetId, sourceIn };
}

/** Shows another take of the clip's shot in this clip, keeping its place and length. */
export function swapTake(
  document: Project,
  request: { sequenceId: string; itemId: string; takeId: string },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const { track, item, index } = findEditableItem(sequence, request.itemId);
    if (!isClip(item) || item.shotId === null) refuse('Only a clip made from a shot can swap takes.');
    const take = usableTake(document, item.shotId, request.takeId);
    const items = [...track.items];
    items[index] = clipOnAsset(document, sequence, item, take.outputAssetId);
    return commitTrack(document, sequence, track, items);
  });
}

/**
 * Makes a take the shot's selected one; every clip made from the shot follows it (same cut
 * lengths). Refused when a clip cannot follow (locked track, media too short, handles).
 */
export function selectTake(
  document: Project,
  request: { shotId: string; takeId: string | null },
): EditResult {
  return attemptEdit(() => {
    const shot = document.shots[request.shotId] ?? refuse(`There is no shot ${request.shotId}.`);
    let next: Project = {
      ...document,
      shots: { ...document.shots, [shot.id]: { ...shot, selectedTakeId: request.takeId } },
    };
    if (request.takeId === null) return next;
    const take = usableTake(document, shot.id, request.takeId);
    for (const sequence of Object.values(next.sequences)) {
      let changed = false;
      const follow = (track: Track): Track => {
        if (
          !track.items.some(
            (item) => isClip(item) && item.shotId === shot.id && item.assetId !== take.outputAssetId,
          )
        ) {
          return track;
        }
        if (track.locked)
          refuse(`Track ${track.name} is locked, so its clips of this shot cannot follow the take.`);
        changed = true;
        const items = track.items.map((item) =>
          isClip(item) && item.shotId === shot.id
            ? clipOnAsset(next, sequence, item, take.outputAssetId)
            : item,
        );
        checkTrackItems(editContext(next, sequence), track, items);
        return { ...track, items };
      };
      const updated = {
        ...sequence,
        videoTracks: sequence.videoTracks.map(follow),
        audioTracks: sequence.audioTracks.map(follow),
      };
      if (changed) next = withSequence(next, updated);
    }
    return next;
  });
}
