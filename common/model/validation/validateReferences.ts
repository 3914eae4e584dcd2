import type { Project } from '../schema/project';
import type { Sequence, Track } from '../schema/sequence';
import { formatJsonPath, type DocumentProblem } from './jsonPath';

type Path = (string | number)[];

/** Throws the first problem; validateReferences() turns it into a value. */
class Problem extends Error {
  constructor(
    readonly path: Path,
    message: string,
  ) {
    super(message);
  }
}

function check(condition: boolean, path: Path, message: string): void {
  if (!condition) throw new Problem(path, message);
}

function checkKeys(record: Record<string, { id: string }>, name: string): void {
  for (const [key, value] of Object.entries(record)) {
    check(value.id === key, [name, key, 'id'], `the id "${value.id}" differs from its key "${key}"`);
  }
}

function checkOrder(order: string[], record: Record<string, unknown>, name: string): void {
  const seen = new Set<string>();
  order.forEach((id, index) => {
    check(id in record, [name, index], `"${id}" is not a known id`);
    check(!seen.has(id), [name, index], `"${id}" is listed twice`);
    seen.add(id);
  });
  for (const id of Object.keys(record)) check(seen.has(id), [name], `"${id}" is missing from the order`);
}

function checkTrack(project: Project, track: Track, path: Path, itemIds: Set<string>): void {
  track.items.forEach((item, index) => {
    const itemPath = [...path, 'items', index];
    check(!itemIds.has(item.id), [...itemPath, 'id'], `the item id "${item.id}" is used twice`);
    itemIds.add(item.id);
    if (item.type === 'clip') {
      const asset = project.assets[item.assetId];
      check(asset !== undefined, [...itemPath, 'assetId'], `no asset "${item.assetId}"`);
      if (track.kind === 'audio') {
        check(asset?.kind !== 'image', [...itemPath, 'assetId'], 'a still cannot sit on an audio track');
      } else {
        check(asset?.kind !== 'audio', [...itemPath, 'assetId'], 'sound alone cannot sit on a video track');
      }
      if (item.shotId !== null) {
        check(item.shotId in project.shots, [...itemPath, 'shotId'], `no shot "${item.shotId}"`);
      }
    } else if (item.type === 'transition') {
      const left = track.items[index - 1];
      const right = track.items[index + 1];
      check(
        left?.type === 'clip' && right?.type === 'clip',
        itemPath,
        'a transition must sit between two clips',
      );
    }
  });
}

function checkSequence(project: Project, sequence: Sequence, path: Path): void {
  const trackIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const kind of ['video', 'audio'] as const) {
    const tracks = kind === 'video' ? sequence.videoTracks : sequence.audioTracks;
    tracks.forEach((track, index) => {
      const trackPath = [...path, `${kind}Tracks`, index];
      check(track.kind === kind, [...trackPath, 'kind'], `a ${track.kind} track among the ${kind} tracks`);
      check(!trackIds.has(track.id), [...trackPath, 'id'], `the track id "${track.id}" is used twice`);
      trackIds.add(track.id);
      checkTrack(project, track, trackPath, itemIds);
    });
  }
  const markerIds = new Set<string>();
  sequence.markers.forEach((marker, index) => {
    check(!markerIds.has(marker.id), [...path, 'markers', index, 'id'], 'the marker id is used twice');
    markerIds.add(marker.id);
  });
  if (sequence.inFrame !== null && sequence.outFrame !== null) {
    check(
      sequence.inFrame < sequence.outFrame,
      [...path, 'outFrame'],
      'the out mark is not after the in mark',
    );
  }
}

function checkProject(project: Project): void {
  checkKeys(project.assets, 'assets');
  checkKeys(project.references, 'references');
  checkKeys(project.shots, 'shots');
  checkKeys(project.takes, 'takes');
  checkKeys(project.sequences, 'sequences');
  checkOrder(project.shotOrder, project.shots, 'shotOrder');
  checkOrder(project.sequenceOrder, project.sequences, 'sequenceOrder');
  const assetRef = (id: string | null, path: Path) => {
    if (id !== null) check(id in project.assets, path, `no asset "${id}"`);
  };
  for (const [id, reference] of Object.entries(project.references)) {
    assetRef(reference.assetId, ['references', id, 'assetId']);
  }
  for (const [id, shot] of Object.entries(project.shots)) {
    const path = ['shots', id];
    for (const position of ['first', 'middle', 'last'] as const) {
      assetRef(shot.keyframes[position], [...path, 'keyframes', position]);
    }
    assetRef(shot.sourceVideoAssetId, [...path, 'sourceVideoAssetId']);
    shot.referenceIds.forEach((referenceId, index) =>
      check(
        referenceId in project.references,
        [...path, 'referenceIds', index],
        `no reference "${referenceId}"`,
      ),
    );
    shot.takeIds.forEach((takeId, index) => {
      check(
        project.takes[takeId]?.shotId === id,
        [...path, 'takeIds', index],
        `no take "${takeId}" of this shot`,
      );
    });
    if (shot.selectedTakeId !== null) {
      check(shot.takeIds.includes(shot.selectedTakeId), [...path, 'selectedTakeId'], 'not one of its takes');
    }
  }
  for (const [id, take] of Object.entries(project.takes)) {
    const path = ['takes', id];
    check(
      project.shots[take.shotId]?.takeIds.includes(id) === true,
      [...path, 'shotId'],
      'its shot does not list it',
    );
    assetRef(take.outputAssetId, [...path, 'outputAssetId']);
    assetRef(take.lastFrameAssetId, [...path, 'lastFrameAssetId']);
  }
  for (const [id, sequence] of Object.entries(project.sequences))
    checkSequence(project, sequence, ['sequences', id]);
}

/**
 * Cross-references the schema cannot express: ids match their keys, every id points at something,
 * orders list every object once, item ids are unique, transitions sit between clips. Returns the
 * first problem with its JSON path, or null.
 */
export function validateReferences(project: Project): DocumentProblem | null {
  try {
    checkProject(project);
    return null;
  } catch (error) {
    if (error instanceof Problem) return { path: formatJsonPath(error.path), message: error.message };
    throw error;
  }
}
