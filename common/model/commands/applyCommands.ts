import type { EditResult } from '../operations/editResult';
import type { Project } from '../schema/project';
import { applyCommand } from './applyCommand';
import type { EditCommand } from './editCommand';

/**
 * Applies commands in order, all or nothing: the final document, or the first refusal (its message
 * says which command, counting from 1) with nothing changed.
 */
export function applyCommands(document: Project, commands: readonly EditCommand[]): EditResult {
  let current = document;
  for (const [index, command] of commands.entries()) {
    const result = applyCommand(current, command);
    if (!result.ok) {
      const where = commands.length > 1 ? `Edit ${index + 1} of ${commands.length} (${command.type}): ` : '';
      return { ok: false, error: { code: 'EDIT_REFUSED', message: `${where}${result.error.message}` } };
    }
    current = result.document;
  }
  return { ok: true, document: current };
}
