import type { Project } from '../schema/project';
import { newTrack } from '../newTrack';
import type { Track } from '../schema/sequence';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { getSequence, getTrack, withSequence, withTrack } from './sequenceAccess';

type TrackChanges = Partial<Pick<Track, 'name' | 'muted' | 'solo' | 'locked' | 'heightPx'>>;

/** Mute, solo, lock, name, height. These work on locked tracks too (that is how one unlocks). */
export function setTrack(
  document: Project,
  request: { sequenceId: string; trackId: string; changes: TrackChanges },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const track = getTrack(sequence, request.trackId);
    const changes = Object.fromEntries(
      Object.entries(request.changes).filter(([, value]) => value !== undefined),
    );
    return withSequence(document, withTrack(sequence, { ...track, ...changes }));
  });
}

/** Adds a track on top of its kind ("V2", "A3" unless named). */
export function addTrack(
  document: Project,
  request: {
    sequenceId: string;
    kind: 'video' | 'audio';
    name?: string | undefined;
    role?: Track['role'] | undefined;
    id?: string | undefined;
  },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const tracks = request.kind === 'video' ? sequence.videoTracks : sequence.audioTracks;
    const all = [...sequence.videoTracks, ...sequence.audioTracks];
    if (request.id && all.some((track) => track.id === request.id))
      refuse(`The track id ${request.id} is used.`);
    const prefix = request.kind === 'video' ? 'V' : 'A';
    let number = tracks.length + 1;
    while (all.some((track) => track.name === `${prefix}${number}`)) number += 1;
    const track = newTrack({
      kind: request.kind,
      name: request.name ?? `${prefix}${number}`,
      ...(request.id ? { id: request.id } : {}),
      ...(request.role ? { role: request.role } : {}),
    });
    return withSequence(
      document,
      request.kind === 'video'
        ? { ...sequence, videoTracks: [...sequence.videoTracks, track] }
        : { ...sequence, audioTracks: [...sequence.audioTracks, track] },
    );
  });
}

/** Removes a track and its clips (undoable); locked tracks and the last video track stay. */
export function removeTrack(document: Project, request: { sequenceId: string; trackId: string }): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const track = getTrack(sequence, request.trackId);
    if (track.locked) refuse(`Track ${track.name} is locked: unlock it to remove it.`);
    if (track.kind === 'video' && sequence.videoTracks.length === 1)
      refuse('A sequence keeps at least one video track.');
    return withSequence(document, {
      ...sequence,
      videoTracks: sequence.videoTracks.filter((candidate) => candidate.id !== track.id),
      audioTracks: sequence.audioTracks.filter((candidate) => candidate.id !== track.id),
    });
  });
}
