import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../common/contract';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';

/**
 * A failed autosave in the status bar, kept until a save or a later autosave succeeds: until then the
 * changes since the last one are only in memory, and the user has to know. "Save now" saves.
 */
export function AutosaveIndicator({ onSave }: { onSave: () => void }) {
  const api = useApi();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    const offAutosaved = api.on('project:autosaved', ({ error }) => setFailure(error));
    const offChanged = api.on('project:changed', (change) => {
      if (!change.dirty) setFailure(null); // saved: nothing is at risk any more
    });
    const offClosed = api.on('project:closed', () => setFailure(null));
    return () => {
      offAutosaved();
      offChanged();
      offClosed();
    };
  }, [api]);

  if (!failure) return null;
  return (
    <span
      className="status-error"
      role="alert"
      data-testid="autosave-status"
      title={failure.detail ?? failure.message}
    >
      {failure.message} Unsaved changes are only in memory.{' '}
      <Button variant="ghost" onClick={onSave}>
        Save now
      </Button>
    </span>
  );
}
