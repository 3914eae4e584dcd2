import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import type { ProjectActions } from './useProjectActions';

/** Asks before recovering an autosave (never applied silently) or opening a project held elsewhere. */
export function ProjectDecisionDialog({ actions }: { actions: ProjectActions }) {
  const pending = actions.pending;
  if (!pending) return null;
  if (pending.kind === 'recovery') {
    return (
      <Dialog
        title="Recover unsaved changes?"
        open
        onClose={() => actions.setPending(null)}
        size="small"
        testId="recovery-dialog"
        footer={
          <>
            <Button onClick={() => void actions.discardRecovery()}>Discard them</Button>
            <Button variant="primary" onClick={() => void actions.recover()}>
              Recover
            </Button>
          </>
        }
      >
        <p>
          Shotloom autosaved changes to this project on {new Date(pending.savedAt).toLocaleString()} that were
          never saved. Recover them (you can still undo or close without saving), or discard them and keep the
          saved project.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title="Project is open elsewhere"
      open
      onClose={() => actions.setPending(null)}
      size="small"
      testId="locked-dialog"
      footer={
        <>
          <Button onClick={() => actions.setPending(null)}>Cancel</Button>
          <Button
            variant="danger"
            onClick={() => void actions.open(pending.location, true).then(() => actions.setPending(null))}
          >
            Open anyway
          </Button>
        </>
      }
    >
      <p>{pending.message}</p>
      <p className="muted">
        Editing the same project in two places at once can lose the changes of one of them.
      </p>
    </Dialog>
  );
}
