import { useEffect, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCents, formatEta } from '../../components/format';
import { useShortcuts } from '../../shortcuts';
import { useProjectState, useUiState } from '../../state';
import { explainError } from './errorWords';
import { isActive, useJobs, type JobView } from './useJobs';
import './jobs.css';

const tones: Record<JobView['status'], BadgeTone> = {
  queued: 'busy',
  running: 'busy',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
  uncertain: 'warn',
};
const labels: Record<JobView['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  uncertain: 'Unclear',
};

function JobRow({
  job,
  shotName,
  onCancel,
  onRetry,
  onOpenShot,
}: {
  job: JobView;
  shotName: string | null;
  onCancel: () => void;
  onRetry: (confirmUncertain: boolean) => void;
  onOpenShot: () => void;
}) {
  const explanation = job.error ? explainError(job.error.code) : null;
  const moderation = job.error?.moderation ?? job.error?.code === 'PROVIDER_MODERATION';
  return (
    <li className="job-row" data-testid="job-row" data-status={job.status} data-job-id={job.id}>
      <div className="job-head">
        <span className="job-provider">{job.providerLabel}</span>
        <span className="job-model">{job.model}</span>
        <Badge tone={tones[job.status]}>{labels[job.status]}</Badge>
        <span className="job-cost" title={job.costIsFinal ? 'Charged' : 'Estimated'}>
          {formatCents(job.costCents)}
        </span>
      </div>
      {shotName && (
        <button type="button" className="job-shot link-button" onClick={onOpenShot}>
          {shotName}
        </button>
      )}
      {isActive(job) && (
        <div className="job-progress">
          <ProgressBar value={job.progress} label={`${job.providerLabel} job progress`} />
          <span className="job-progress-text">
            {job.progress !== null
              ? `${Math.round(job.progress * 100)}%`
              : job.status === 'queued'
                ? 'Waiting'
                : ''}
            {job.etaSeconds !== null ? ` · ${formatEta(job.etaSeconds)} left` : ''}
          </span>
        </div>
      )}
      {explanation && job.error && (
        <div className="job-error" data-testid="job-error">
          <strong>{explanation.title}.</strong> {job.error.message} {explanation.advice}
          <details>
            <summary>Details</summary>
            <code data-testid="job-error-code">
              {job.error.code}
              {job.error.detail ? ` · ${job.error.detail}` : ''}
            </code>
          </details>
        </div>
      )}
      <div className="job-actions">
        {isActive(job) && (
          <Button icon="stop" variant="danger" onClick={onCancel} data-testid="job-cancel">
            Cancel
          </Button>
        )}
        {(job.status === 'failed' || job.status === 'cancelled' || job.status === 'uncertain') &&
          (moderation ? (
            <>
              <Button onClick={onOpenShot}>Edit the shot</Button>
              <Button onClick={() => onRetry(false)} title="Refused until the shot is edited">
                Retry
              </Button>
            </>
          ) : (
            explanation?.retry !== 'no' &&
            (job.status === 'uncertain' ? (
              <Button
                icon="refresh"
                onClick={() => onRetry(true)}
                title="The first task may exist and be charged: check the provider's dashboard first"
                data-testid="job-retry"
              >
                Retry anyway
              </Button>
            ) : (
              <Button icon="refresh" onClick={() => onRetry(false)} data-testid="job-retry">
                Retry
              </Button>
            ))
          ))}
      </div>
    </li>
  );
}

/**
 * The jobs indicator in the status bar and its panel: every generation job with its provider,
 * progress, ETA, cost, cancel and retry (never automatic for moderation failures), and the error
 * in words, with the provider's code in the details.
 */
export function JobsIndicator() {
  const { jobs, cancel, retry, message } = useJobs();
  const { snapshot } = useProjectState();
  const [, setUi] = useUiState((state) => state.selectedShotId);
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const active = jobs.filter(isActive).length;
  const failed = jobs.filter((job) => job.status === 'failed').length;

  useShortcuts([
    {
      id: 'jobs.toggle',
      keys: ['Mod+J'],
      description: 'Show or hide jobs',
      group: 'Generation',
      run: () => setOpen((v) => !v),
    },
  ]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const shotName = (shotId: string | null) =>
    shotId ? (snapshot?.document.shots[shotId]?.name ?? null) : null;

  return (
    <div className="jobs-indicator">
      <button
        type="button"
        className={`jobs-button${failed > 0 ? ' has-failed' : ''}${active > 0 ? ' is-busy' : ''}`}
        aria-expanded={open}
        aria-controls="jobs-panel"
        onClick={() => setOpen(!open)}
        data-testid="jobs-button"
      >
        <Icon name="jobs" size={13} />
        {active > 0 ? `${active} running` : 'Jobs'}
        {failed > 0 && <span className="jobs-failed-count">{failed} failed</span>}
      </button>
      {open && (
        <div
          className="jobs-panel"
          id="jobs-panel"
          role="dialog"
          aria-label="Generation jobs"
          ref={panelRef}
          data-testid="jobs-panel"
        >
          <header className="jobs-panel-header">
            <h2>Jobs</h2>
            <span className="jobs-panel-meta">
              {active} active · {jobs.length} total
            </span>
          </header>
          {message && (
            <div className="jobs-message" role="status">
              {message}
            </div>
          )}
          {jobs.length === 0 ? (
            <p className="empty-state">No generation jobs yet.</p>
          ) : (
            <ul className="job-list">
              {jobs.map((job) => (
                <JobRow
                  key={job.id}
                  job={job}
                  shotName={shotName(job.shotId)}
                  onCancel={() => void cancel(job.id)}
                  onRetry={(confirmUncertain) => void retry(job.id, confirmUncertain)}
                  onOpenShot={() => {
                    if (job.shotId) setUi({ selectedShotId: job.shotId });
                    setOpen(false);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
