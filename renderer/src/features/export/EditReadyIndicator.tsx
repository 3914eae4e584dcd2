import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { useApi } from '../../api/ApiContext';

interface EditReadyActivity {
  jobId: string;
  fraction: number;
  stage: string;
  error: string | null;
}

/**
 * Background edit-ready copies in the status bar: how far the running job is, a cancel button, and
 * the error of one that failed (until dismissed). Jobs are told apart by their `editready_` id.
 */
export function EditReadyIndicator() {
  const api = useApi();
  const [activity, setActivity] = useState<EditReadyActivity | null>(null);

  useEffect(() => {
    const offProgress = api.on('render:progressed', (payload) => {
      if (!payload.jobId.startsWith('editready_')) return;
      setActivity({ jobId: payload.jobId, fraction: payload.fraction, stage: payload.stage, error: null });
    });
    const offFinished = api.on('render:finished', (payload) => {
      if (!payload.jobId.startsWith('editready_')) return;
      setActivity((current) =>
        payload.ok || payload.error?.code === 'CANCELLED'
          ? current?.jobId === payload.jobId
            ? null
            : current
          : {
              jobId: payload.jobId,
              fraction: 1,
              stage: '',
              error: payload.error?.message ?? 'Edit-ready copies failed.',
            },
      );
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api]);

  if (!activity) return null;
  if (activity.error)
    return (
      <span
        className="status-error"
        data-testid="edit-ready-status"
        data-state="failed"
        title={activity.error}
      >
        Edit-ready copies failed{' '}
        <Button variant="ghost" onClick={() => setActivity(null)} aria-label="Dismiss">
          ×
        </Button>
      </span>
    );
  return (
    <span data-testid="edit-ready-status" data-state="running" title={activity.stage}>
      Edit-ready copies {Math.round(activity.fraction * 100)}%{' '}
      <Button
        variant="ghost"
        onClick={() => void api.invoke('render:cancel', { jobId: activity.jobId })}
        aria-label="Cancel edit-ready copies"
        data-testid="edit-ready-cancel"
      >
        ×
      </Button>
    </span>
  );
}
