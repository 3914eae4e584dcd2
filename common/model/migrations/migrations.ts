import { currentSchemaVersion } from '../schema/project';

/** Turns a document of version N (already parsed JSON) into version N + 1. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 0 is the pre-release shape: `sequences` was an array (no `sequenceOrder`) and there was no
 * cost `ledger`. It is kept as the framework's proof; a real v2 adds `1: (doc) => …` here.
 */
function fromV0(document: Record<string, unknown>): Record<string, unknown> {
  const sequences = Array.isArray(document.sequences) ? (document.sequences as { id: string }[]) : [];
  const { sequences: _dropped, ...rest } = document;
  void _dropped;
  return {
    ...rest,
    schemaVersion: 1,
    sequences: Object.fromEntries(sequences.map((sequence) => [sequence.id, sequence])),
    sequenceOrder: sequences.map((sequence) => sequence.id),
    ledger: Array.isArray(document.ledger) ? document.ledger : [],
  };
}

/** migrations[n] migrates version n to n + 1. */
export const migrations: Record<number, Migration> = { 0: fromV0 };

export type MigrationOutcome =
  | { kind: 'current' | 'migrated'; document: Record<string, unknown>; fromVersion: number }
  | { kind: 'tooNew'; version: number }
  | { kind: 'invalidVersion'; message: string };

/** Brings a parsed document forward to the current schema version, one step at a time. */
export function migrateForward(
  document: Record<string, unknown>,
  steps: Record<number, Migration> = migrations,
  target = currentSchemaVersion,
): MigrationOutcome {
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'invalidVersion', message: 'schemaVersion must be a whole number' };
  }
  if (version > target) return { kind: 'tooNew', version };
  let current = document;
  for (let at = version; at < target; at += 1) {
    const step = steps[at];
    if (!step) return { kind: 'invalidVersion', message: `no migration from version ${at}` };
    current = step(current);
    if (current.schemaVersion !== at + 1) current = { ...current, schemaVersion: at + 1 };
  }
  return { kind: version === target ? 'current' : 'migrated', document: current, fromVersion: version };
}
