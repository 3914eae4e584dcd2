import { BinPanel } from '../features/bin/BinPanel';
import {
  ProjectActionsProvider,
  TitleBarProjectMenu,
  WelcomeOverlay,
} from '../features/project/ProjectActionsProvider';
import { SettingsButton } from '../features/settings/SettingsButton';
import { ShotInspector } from '../features/shot/ShotInspector';
import { Timeline } from '../features/timeline/Timeline';
import { SequencePlaybackProvider } from '../features/viewer/SequencePlaybackProvider';
import { Viewer } from '../features/viewer/Viewer';
import { ShortcutProvider } from '../shortcuts';
import { ProjectStoreProvider } from '../state';
import { FfmpegBanner } from './FfmpegBanner';
import { Panel } from './Panel';
import { StatusBar } from './StatusBar';
import { useAppInfo } from './useAppInfo';

/** The editor's layout: bin, viewer, inspector, timeline, and the status bar with jobs. */
export function App() {
  const appInfo = useAppInfo();
  return (
    <ProjectStoreProvider>
      <ShortcutProvider>
        <ProjectActionsProvider>
          <div className="app-shell" data-testid="app-shell">
            <header className="title-bar">
              <span className="brand">Shotloom</span>
              <TitleBarProjectMenu />
              <SettingsButton />
            </header>
            {appInfo.status === 'ready' && <FfmpegBanner info={appInfo.info} />}
            <SequencePlaybackProvider>
              <main className="workspace">
                <Panel title="Bin" area="bin">
                  <BinPanel />
                </Panel>
                <Panel title="Viewer" area="viewer">
                  <Viewer />
                </Panel>
                <Panel title="Inspector" area="inspector">
                  <ShotInspector />
                </Panel>
                <Panel title="Timeline" area="timeline">
                  <Timeline />
                </Panel>
                <WelcomeOverlay />
              </main>
            </SequencePlaybackProvider>
            <StatusBar state={appInfo} />
          </div>
        </ProjectActionsProvider>
      </ShortcutProvider>
    </ProjectStoreProvider>
  );
}
