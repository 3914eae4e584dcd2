import { newId } from './ids';
import type { Track } from './schema/sequence';

/** What a track must be given; everything else starts as a new track in the editor does. */
export type TrackFields = Pick<Track, 'kind' | 'name'> & Partial<Omit<Track, 'kind' | 'name'>>;

/**
 * A track with the editor's defaults: a new id, empty, shown, unlocked, 64 px for video and 56 for
 * sound; video carries the picture, sound is effects unless told.
 */
export function newTrack(fields: TrackFields): Track {
  return {
    id: newId('trk'),
    role: fields.kind === 'video' ? 'picture' : 'effects',
    items: [],
    muted: false,
    solo: false,
    locked: false,
    heightPx: fields.kind === 'video' ? 64 : 56,
    ...fields,
  };
}
