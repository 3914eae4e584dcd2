import type { Project } from '../schema/project';
import { attemptEdit, refuse, type EditResult } from '../operations/editResult';
import type { EditCommand } from './editCommand';

/** Applies one command: the new document, or a refusal that changed nothing. */
export function applyCommand(document: Project, command: EditCommand): EditResult {
  return attemptEdit(() => {
    switch (command.type) {
      case 'renameProject':
        return { ...document, name: command.name };
      default:
        return refuse(`"${command.type}" is not available yet.`);
    }
  });
}
