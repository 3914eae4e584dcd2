import type { RenderRecord } from '../../../../common/contract/channels/render';
import { Button } from '../../components/Button';

function folderOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index > 0 ? path.slice(0, index) : path;
}

/** The last exports, newest first: outcome, time taken, the file, and where its plan and log are. */
export function ExportHistory({
  history,
  onReveal,
}: {
  history: readonly RenderRecord[];
  onReveal: (jobId: string) => void;
}) {
  if (history.length === 0) return null;
  return (
    <section className="export-history" aria-label="Last exports">
      <h3>Last exports</h3>
      <ul data-testid="export-history">
        {history.slice(0, 8).map((record) => (
          <li key={record.jobId} data-ok={record.ok} data-job-id={record.jobId}>
            <span className={`export-outcome ${record.ok ? 'ok' : 'failed'}`}>
              {record.ok ? 'Done' : record.error?.code === 'CANCELLED' ? 'Cancelled' : 'Failed'}
            </span>
            <span className="export-file" title={record.outputPath}>
              {record.outputPath.split(/[/\\]/).pop()}
            </span>
            <span className="export-meta">
              {record.presetId} · {record.mode ?? '—'} · {record.seconds.toFixed(1)} s ·{' '}
              {new Date(record.finishedAt).toLocaleTimeString()}
            </span>
            <details>
              <summary>
                Files
                {record.ok && (
                  <Button variant="ghost" className="export-reveal" onClick={() => onReveal(record.jobId)}>
                    Reveal in folder
                  </Button>
                )}
              </summary>
              <p>
                Folder: <code>{folderOf(record.outputPath)}</code>
              </p>
              {record.logPath && (
                <p>
                  Log: <code>{record.logPath}</code>
                </p>
              )}
              {record.planPath && (
                <p>
                  Plan: <code>{record.planPath}</code>
                </p>
              )}
              {record.error && <p className="export-problem">{record.error.message}</p>}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
