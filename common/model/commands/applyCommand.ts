import type { Project } from '../schema/project';
import { addMarker, removeMarker, setInOut, updateMarker } from '../operations/markers';
import { setAssetProperties } from '../operations/assetProperties';
import { setClipProperties, setKeyframes } from '../operations/clipProperties';
import type { EditResult } from '../operations/editResult';
import { moveClip } from '../operations/moveClip';
import { appendClip, insertClip, overwriteClip } from '../operations/placeClips';
import { setProjectSettings } from '../operations/projectSettings';
import { createReference, deleteReference, renameReference } from '../operations/references';
import { lift, rippleDelete } from '../operations/removeItems';
import { setSequenceSettings } from '../operations/sequenceSettings';
import { createShot, deleteShot, moveShot, renameProject, updateShot } from '../operations/shots';
import { splitAtFrame } from '../operations/splitClip';
import { selectTake, swapTake } from '../operations/takes';
import { addTrack, removeTrack, setTrack } from '../operations/tracks';
import { addTransition, removeTransition, setTransition } from '../operations/transitions';
import { roll, slip, trim } from '../operations/trimEdits';
import type { EditCommand } from './editCommand';

/** Applies one command: the new document, or a refusal that changed nothing. */
export function applyCommand(document: Project, command: EditCommand): EditResult {
  switch (command.type) {
    case 'insertClip':
      return insertClip(document, command);
    case 'overwriteClip':
      return overwriteClip(document, command);
    case 'appendClip':
      return appendClip(document, command);
    case 'lift':
      return lift(document, command);
    case 'rippleDelete':
      return rippleDelete(document, command);
    case 'moveClip':
      return moveClip(document, command);
    case 'trim':
      return trim(document, command);
    case 'roll':
      return roll(document, command);
    case 'slip':
      return slip(document, command);
    case 'split':
      return splitAtFrame(document, command);
    case 'addTransition':
      return addTransition(document, command);
    case 'removeTransition':
      return removeTransition(document, command);
    case 'setTransition':
      return setTransition(document, command);
    case 'setClipProperties':
      return setClipProperties(document, command);
    case 'setKeyframes':
      return setKeyframes(document, command);
    case 'swapTake':
      return swapTake(document, command);
    case 'setTrack':
      return setTrack(document, command);
    case 'addTrack':
      return addTrack(document, command);
    case 'removeTrack':
      return removeTrack(document, command);
    case 'addMarker':
      return addMarker(document, command);
    case 'updateMarker':
      return updateMarker(document, command);
    case 'removeMarker':
      return removeMarker(document, command);
    case 'setInOut':
      return setInOut(document, command);
    case 'createShot':
      return createShot(document, command);
    case 'updateShot':
      return updateShot(document, command);
    case 'selectTake':
      return selectTake(document, command);
    case 'deleteShot':
      return deleteShot(document, command);
    case 'moveShot':
      return moveShot(document, command);
    case 'renameProject':
      return renameProject(document, command);
    case 'setAssetProperties':
      return setAssetProperties(document, command);
    case 'createReference':
      return createReference(document, command);
    case 'renameReference':
      return renameReference(document, command);
    case 'deleteReference':
      return deleteReference(document, command);
    case 'setProjectSettings':
      return setProjectSettings(document, command);
    case 'setSequenceSettings':
      return setSequenceSettings(document, command);
  }
}
