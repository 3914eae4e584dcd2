import { expect } from 'vitest';
import {
  applyCommand,
  editCommandSchema,
  itemStarts,
  validateDocument,
  type EditCommandInput,
  type Project,
  type TrackItem,
} from '../../../common/model';
import { firstSequence } from '../../helpers/modelFixtures';

/** Parses the command as the wire does, applies it, and checks the result is a valid document. */
export function apply(document: Project, command: EditCommandInput): Project {
  const result = applyCommand(document, editCommandSchema.parse(command));
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  const checked = validateDocument(result.document);
  expect(checked.ok ? null : checked).toBeNull();
  return result.document;
}

/** Applies a command that must be refused; returns the message and checks nothing changed. */
export function refused(document: Project, command: EditCommandInput): string {
  const before = JSON.stringify(document);
  const result = applyCommand(document, editCommandSchema.parse(command));
  expect(JSON.stringify(document)).toBe(before);
  if (result.ok) throw new Error(`expected a refusal of ${command.type}`);
  expect(result.error.code).toBe('EDIT_REFUSED');
  return result.error.message;
}

/** A track's items as a compact layout: "clip:id@start+len" / "gap@start+len" / "T:kind+len". */
export function layout(document: Project, trackId: string): string[] {
  const sequence = firstSequence(document);
  const track = [...sequence.videoTracks, ...sequence.audioTracks].find(
    (candidate) => candidate.id === trackId,
  );
  const items = track?.items ?? [];
  const starts = itemStarts(items);
  return items.map((item: TrackItem, index) => {
    if (item.type === 'transition') return `T:${item.kind}+${item.durationFrames}`;
    const name = item.type === 'clip' ? `${item.id}[${item.sourceIn}]` : 'gap';
    return `${name}@${starts[index]}+${item.durationFrames}`;
  });
}
