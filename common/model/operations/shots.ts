import type { ShotFields } from '../commands/editCommand';
import { newId } from '../ids';
import type { Project } from '../schema/project';
import type { Shot } from '../schema/shot';
import { attemptEdit, refuse, type EditResult } from './editResult';

export const defaultShotModel = { provider: 'animatic', model: 'animatic' };

function definedFields(fields: ShotFields): Partial<Shot> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<Shot>;
}

function checkShotRefs(document: Project, shot: Shot): void {
  for (const position of ['first', 'middle', 'last'] as const) {
    const assetId = shot.keyframes[position];
    if (assetId !== null && !document.assets[assetId])
      refuse(`There is no asset ${assetId} for the ${position} keyframe.`);
  }
  if (shot.sourceVideoAssetId !== null && !document.assets[shot.sourceVideoAssetId]) {
    refuse(`There is no asset ${shot.sourceVideoAssetId}.`);
  }
  for (const referenceId of shot.referenceIds) {
    if (!document.references[referenceId]) refuse(`There is no reference ${referenceId}.`);
  }
}

/** A new shot ("Shot N", 5 s, 16:9 on the offline Animatic model unless told otherwise). */
export function createShot(
  document: Project,
  request: { id?: string | undefined; fields: ShotFields; index?: number | undefined },
): EditResult {
  return attemptEdit(() => {
    const id = request.id ?? newId('sh');
    if (document.shots[id]) refuse(`The shot id ${id} is used.`);
    const shot: Shot = {
      id,
      name: `Shot ${document.shotOrder.length + 1}`,
      prompt: '',
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: null,
      audio: false,
      model: defaultShotModel,
      takeIds: [],
      selectedTakeId: null,
      promptHistory: [],
      ...definedFields(request.fields),
    };
    checkShotRefs(document, shot);
    const shotOrder = [...document.shotOrder];
    shotOrder.splice(Math.min(request.index ?? shotOrder.length, shotOrder.length), 0, id);
    return { ...document, shots: { ...document.shots, [id]: shot }, shotOrder };
  });
}

/** Changes a shot's recipe fields (typing in a field coalesces into one undo step). */
export function updateShot(document: Project, request: { shotId: string; fields: ShotFields }): EditResult {
  return attemptEdit(() => {
    const current = document.shots[request.shotId] ?? refuse(`There is no shot ${request.shotId}.`);
    const shot: Shot = { ...current, ...definedFields(request.fields) };
    checkShotRefs(document, shot);
    return { ...document, shots: { ...document.shots, [shot.id]: shot } };
  });
}

/** Deletes a shot and its takes (their media stays in the bin); refused while clips use the shot. */
export function deleteShot(document: Project, request: { shotId: string }): EditResult {
  return attemptEdit(() => {
    const shot = document.shots[request.shotId] ?? refuse(`There is no shot ${request.shotId}.`);
    for (const sequence of Object.values(document.sequences)) {
      for (const track of [...sequence.videoTracks, ...sequence.audioTracks]) {
        if (track.items.some((item) => item.type === 'clip' && item.shotId === shot.id)) {
          refuse(`"${shot.name}" is used on the timeline of "${sequence.name}": remove those clips first.`);
        }
      }
    }
    const shots = { ...document.shots };
    delete shots[shot.id];
    const takes = { ...document.takes };
    for (const takeId of shot.takeIds) delete takes[takeId];
    return { ...document, shots, takes, shotOrder: document.shotOrder.filter((id) => id !== shot.id) };
  });
}

export function moveShot(document: Project, request: { shotId: string; index: number }): EditResult {
  return attemptEdit(() => {
    if (!document.shots[request.shotId]) refuse(`There is no shot ${request.shotId}.`);
    const shotOrder = document.shotOrder.filter((id) => id !== request.shotId);
    shotOrder.splice(Math.min(request.index, shotOrder.length), 0, request.shotId);
    return { ...document, shotOrder };
  });
}

export function renameProject(document: Project, request: { name: string }): EditResult {
  return attemptEdit(() => ({ ...document, name: request.name }));
}
