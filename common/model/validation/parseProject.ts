import { migrateForward } from '../migrations/migrations';
import { projectSchema, type Project } from '../schema/project';
import { formatJsonPath, type DocumentProblem } from './jsonPath';
import { validateReferences } from './validateReferences';

export type ParseOutcome =
  | { ok: true; document: Project; migratedFrom: number | null }
  | { ok: false; reason: 'malformed' | 'invalid'; problem: DocumentProblem }
  | { ok: false; reason: 'tooNew'; version: number };

/**
 * Project file text to a valid, current document: JSON, then version (newer is refused, older is
 * migrated forward), then the schema, then cross-references. Each refusal names the first problem.
 */
export function parseProjectText(text: string): ParseOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'malformed', problem: { path: '$', message: (error as Error).message } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      reason: 'invalid',
      problem: { path: '$', message: 'a project file holds a JSON object' },
    };
  }
  const migrated = migrateForward(raw as Record<string, unknown>);
  if (migrated.kind === 'tooNew') return { ok: false, reason: 'tooNew', version: migrated.version };
  if (migrated.kind === 'invalidVersion') {
    return { ok: false, reason: 'invalid', problem: { path: '$.schemaVersion', message: migrated.message } };
  }
  return validateDocument(migrated.document, migrated.kind === 'migrated' ? migrated.fromVersion : null);
}

/** Schema then references, for a document already at the current version. */
export function validateDocument(value: unknown, migratedFrom: number | null = null): ParseOutcome {
  const parsed = projectSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: 'invalid',
      problem: { path: formatJsonPath(issue?.path ?? []), message: issue?.message ?? 'invalid' },
    };
  }
  const problem = validateReferences(parsed.data);
  if (problem) return { ok: false, reason: 'invalid', problem };
  return { ok: true, document: parsed.data, migratedFrom };
}
