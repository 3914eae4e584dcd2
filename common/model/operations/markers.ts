import type { Project } from '../schema/project';
import type { Marker } from '../schema/sequence';
import { newId } from '../ids';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { getSequence, withSequence } from './sequenceAccess';

type MarkerFields = Partial<Omit<Marker, 'id'>>;

function withDefined<T extends object>(base: T, changes: object): T {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
  };
}

/** Adds a marker; markers are kept in frame order. */
export function addMarker(
  document: Project,
  request: { sequenceId: string; marker: MarkerFields & { frame: number; id?: string | undefined } },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const id = request.marker.id ?? newId('mrk');
    if (sequence.markers.some((marker) => marker.id === id)) refuse(`The marker id ${id} is used.`);
    const marker = withDefined<Marker>(
      { id, frame: 0, durationFrames: 0, name: '', color: 'blue' },
      request.marker,
    );
    const markers = [...sequence.markers, marker].sort((a, b) => a.frame - b.frame);
    return withSequence(document, { ...sequence, markers });
  });
}

export function updateMarker(
  document: Project,
  request: { sequenceId: string; markerId: string; changes: MarkerFields },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    const current = sequence.markers.find((marker) => marker.id === request.markerId);
    if (!current) refuse(`There is no marker ${request.markerId}.`);
    const markers = sequence.markers
      .map((marker) => (marker.id === current.id ? withDefined(marker, request.changes) : marker))
      .sort((a, b) => a.frame - b.frame);
    return withSequence(document, { ...sequence, markers });
  });
}

export function removeMarker(
  document: Project,
  request: { sequenceId: string; markerId: string },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    if (!sequence.markers.some((marker) => marker.id === request.markerId))
      refuse(`There is no marker ${request.markerId}.`);
    return withSequence(document, {
      ...sequence,
      markers: sequence.markers.filter((marker) => marker.id !== request.markerId),
    });
  });
}

/** In and out marks for range exports; the out mark must come after the in mark. */
export function setInOut(
  document: Project,
  request: { sequenceId: string; inFrame: number | null; outFrame: number | null },
): EditResult {
  return attemptEdit(() => {
    const sequence = getSequence(document, request.sequenceId);
    if (request.inFrame !== null && request.outFrame !== null && request.outFrame <= request.inFrame) {
      refuse('The out mark must come after the in mark.');
    }
    return withSequence(document, { ...sequence, inFrame: request.inFrame, outFrame: request.outFrame });
  });
}
