import type { EditCommandInput, ProjectSnapshot, Result } from '../../../../../common/contract';

export type EditOne = (command: EditCommandInput, coalesceKey?: string) => Promise<Result<ProjectSnapshot>>;
export type EditBatch = (
  commands: EditCommandInput[],
  options?: { coalesceKey?: string; label?: string },
) => Promise<Result<ProjectSnapshot>>;

/**
 * Sends commands as one undo step: one command as it is, several as a batch that the core applies
 * all or nothing (so a refusal halfway leaves the sequence untouched). Reports the refusal.
 */
export async function sendAsOneStep(
  editors: { edit: EditOne; editBatch: EditBatch },
  commands: EditCommandInput[],
  report: (message: string | null) => void,
  label?: string,
): Promise<boolean> {
  if (commands.length === 0) return false;
  const result =
    commands.length === 1
      ? await editors.edit(commands[0]!)
      : await editors.editBatch(commands, label ? { label } : {});
  report(result.ok ? null : result.error.message);
  return result.ok;
}
