import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { useApi } from '../../api/ApiContext';
import { parseRateChoice, parseSizeChoice, rateChoices, sizeChoices } from './projectFormats';
import type { ProjectActions } from './useProjectActions';

/**
 * A new project: a name, the sequence's rate and size. The desktop app asks where in a folder
 * dialog; the browser host keeps projects in its projects folder (the page never names a path).
 */
export function NewProjectDialog({
  open,
  onClose,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  actions: ProjectActions;
}) {
  const api = useApi();
  const [name, setName] = useState('Untitled project');
  const [rate, setRate] = useState<string>('24/1');
  const [size, setSize] = useState<string>('1920x1080');
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const location =
      api.host.kind === 'electron'
        ? ({ kind: 'dialog' } as const)
        : ({ kind: 'projectsRoot', name: trimmed } as const);
    if (
      await actions.create({ name: trimmed, location, rate: parseRateChoice(rate), ...parseSizeChoice(size) })
    )
      onClose();
  };
  return (
    <Dialog
      title="New project"
      open={open}
      onClose={onClose}
      size="small"
      testId="new-project-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={actions.busy || !name.trim()}
            onClick={() => void submit()}
            data-testid="create-project"
          >
            {api.host.kind === 'electron' ? 'Choose folder and create' : 'Create'}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Name"
          value={name}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          data-testid="project-name"
        />
        <SelectField
          label="Frame rate"
          value={rate}
          options={rateChoices}
          onChange={(event) => setRate(event.target.value)}
        />
        <SelectField
          label="Frame size"
          value={size}
          options={sizeChoices}
          onChange={(event) => setSize(event.target.value)}
        />
        {actions.error && (
          <p className="form-error" role="alert">
            {actions.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
