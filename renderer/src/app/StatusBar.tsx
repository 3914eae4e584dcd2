import { EditReadyIndicator } from '../features/export/EditReadyIndicator';
import { JobsIndicator } from '../features/jobs/JobsPanel';
import { StatusBarAutosave } from '../features/project/ProjectActionsProvider';
import type { AppInfoState } from './useAppInfo';

export function StatusBar({ state }: { state: AppInfoState }) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      {state.status === 'loading' && <span>Connecting…</span>}
      {state.status === 'failed' && <span className="status-error">{state.error.message}</span>}
      {state.status === 'ready' && (
        <>
          <span data-testid="app-version">
            {state.info.name} {state.info.version}
          </span>
          <span data-testid="app-host">{state.info.host === 'web' ? 'Browser host' : 'Desktop'}</span>
          <span data-testid="ffmpeg-version">
            {state.info.ffmpeg.problem ? 'FFmpeg missing' : `FFmpeg ${state.info.ffmpeg.version ?? ''}`}
          </span>
          <JobsIndicator />
          <EditReadyIndicator />
          <StatusBarAutosave />
          <span className="status-spacer" />
          <span>
            {state.info.platform}/{state.info.arch} · Node {state.info.versions.node}
          </span>
        </>
      )}
    </footer>
  );
}
