import type { Project } from '../schema/project';
import type { Sequence } from '../schema/sequence';
import { attemptEdit, refuse, type EditResult } from './editResult';
import { getSequence, withSequence } from './sequenceAccess';

/** How far music may be ducked under dialogue, in dB (negative: quieter). */
export const duckingRangeDb = { min: -40, max: -1 } as const;

/** A sequence's name and whether (and how much) music ducks under dialogue when exporting. */
export function setSequenceSettings(
  document: Project,
  request: {
    sequenceId: string;
    name?: string | undefined;
    ducking?: { enabled: boolean; amountDb: number } | undefined;
  },
): EditResult {
  return attemptEdit(() => {
    const current = getSequence(document, request.sequenceId);
    const sequence: Sequence = { ...current };
    if (request.name !== undefined) {
      const name = request.name.trim();
      if (name === '') refuse('A sequence name cannot be empty.');
      sequence.name = name;
    }
    if (request.ducking !== undefined) {
      const { enabled, amountDb } = request.ducking;
      if (!Number.isFinite(amountDb) || amountDb < duckingRangeDb.min || amountDb > duckingRangeDb.max)
        refuse(`Ducking lowers music by ${-duckingRangeDb.max} to ${-duckingRangeDb.min} dB.`);
      sequence.ducking = { enabled, amountDb };
    }
    return withSequence(document, sequence);
  });
}
