import type { EditCommand } from './editCommand';

const labels: Record<EditCommand['type'], string> = {
  insertClip: 'Insert clip',
  overwriteClip: 'Overwrite clip',
  appendClip: 'Append clip',
  lift: 'Lift',
  rippleDelete: 'Ripple delete',
  moveClip: 'Move clip',
  trim: 'Trim',
  roll: 'Roll edit',
  slip: 'Slip',
  split: 'Split',
  addTransition: 'Add transition',
  removeTransition: 'Remove transition',
  setTransition: 'Change transition',
  setClipProperties: 'Change clip',
  setKeyframes: 'Change keyframes',
  swapTake: 'Swap take',
  setTrack: 'Change track',
  addTrack: 'Add track',
  removeTrack: 'Remove track',
  addMarker: 'Add marker',
  updateMarker: 'Change marker',
  removeMarker: 'Remove marker',
  setInOut: 'Set in/out',
  createShot: 'New shot',
  updateShot: 'Edit shot',
  selectTake: 'Select take',
  deleteShot: 'Delete shot',
  moveShot: 'Reorder shots',
  renameProject: 'Rename project',
};

/** The undo menu's words for a command ("Undo Move clip"). */
export function describeCommand(command: EditCommand): string {
  return labels[command.type];
}
