import type { Project } from '../schema/project';

/** Why an edit was refused; a refused edit changes nothing. */
export interface EditRefusal {
  code: 'EDIT_REFUSED';
  message: string;
}

export type EditResult = { ok: true; document: Project } | { ok: false; error: EditRefusal };

/** Thrown inside operations, turned into `{ ok: false }` by `attemptEdit`. */
export class EditRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefusedError';
  }
}

export function refuse(message: string): never {
  throw new EditRefusedError(message);
}

/** Runs an operation body: its document, or its refusal. Other errors are bugs and propagate. */
export function attemptEdit(body: () => Project): EditResult {
  try {
    return { ok: true, document: body() };
  } catch (error) {
    if (error instanceof EditRefusedError) {
      return { ok: false, error: { code: 'EDIT_REFUSED', message: error.message } };
    }
    throw error;
  }
}
