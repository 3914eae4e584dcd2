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
  setAssetProperties: 'Change media',
  createReference: 'New reference',
  renameReference: 'Rename reference',
  deleteReference: 'Delete reference',
  setProjectSettings: 'Change project settings',
  setSequenceSettings: 'Change sequence settings',
};

/** "Favourite" or "Change tags" rather than "Change media" when one property changed. */
function describeAssetChange(command: Extract<EditCommand, { type: 'setAssetProperties' }>): string {
  const changed = (['favourite', 'tags', 'folder', 'name'] as const).filter(
    (key) => command[key] !== undefined,
  );
  if (changed.length !== 1) return labels.setAssetProperties;
  switch (changed[0]) {
    case 'favourite':
      return command.favourite ? 'Mark as favourite' : 'Unmark favourite';
    case 'tags':
      return 'Change tags';
    case 'folder':
      return 'Move to folder';
    default:
      return 'Rename media';
  }
}

/** The undo menu's words for a command ("Undo Move clip"). */
export function describeCommand(command: EditCommand): string {
  if (command.type === 'setAssetProperties') return describeAssetChange(command);
  return labels[command.type];
}
