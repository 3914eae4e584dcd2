import type { Project } from '../schema/project';
import type { Sequence, Track, TrackItem } from '../schema/sequence';
import { refuse } from './editResult';
import { itemStarts } from './timelineItems';

export function getSequence(document: Project, sequenceId: string): Sequence {
  return document.sequences[sequenceId] ?? refuse(`There is no sequence ${sequenceId}.`);
}

export function getTrack(sequence: Sequence, trackId: string): Track {
  const track = [...sequence.videoTracks, ...sequence.audioTracks].find(
    (candidate) => candidate.id === trackId,
  );
  return track ?? refuse(`There is no track ${trackId} in "${sequence.name}".`);
}

/** A track whose content may change: locked tracks refuse every edit of their items. */
export function getEditableTrack(sequence: Sequence, trackId: string): Track {
  const track = getTrack(sequence, trackId);
  if (track.locked) refuse(`Track ${track.name} is locked: unlock it to edit it.`);
  return track;
}

export interface LocatedItem {
  track: Track;
  item: TrackItem;
  index: number;
  startFrame: number;
}

export function findItem(sequence: Sequence, itemId: string): LocatedItem {
  for (const track of [...sequence.videoTracks, ...sequence.audioTracks]) {
    const index = track.items.findIndex((item) => item.id === itemId);
    if (index >= 0) {
      return {
        track,
        item: track.items[index] as TrackItem,
        index,
        startFrame: itemStarts(track.items)[index] ?? 0,
      };
    }
  }
  return refuse(`There is no item ${itemId} in "${sequence.name}".`);
}

export function findEditableItem(sequence: Sequence, itemId: string): LocatedItem {
  const located = findItem(sequence, itemId);
  if (located.track.locked) refuse(`Track ${located.track.name} is locked: unlock it to edit it.`);
  return located;
}

export function withSequence(document: Project, sequence: Sequence): Project {
  return { ...document, sequences: { ...document.sequences, [sequence.id]: sequence } };
}

export function withTrack(sequence: Sequence, track: Track): Sequence {
  const replace = (tracks: Track[]) =>
    tracks.map((candidate) => (candidate.id === track.id ? track : candidate));
  return track.kind === 'video'
    ? { ...sequence, videoTracks: replace(sequence.videoTracks) }
    : { ...sequence, audioTracks: replace(sequence.audioTracks) };
}
