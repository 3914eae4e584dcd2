import { useState } from 'react';
import { useAppInfo } from '../../app/useAppInfo';
import { Badge } from '../../components/Badge';
import { ComfyUrlsForm } from './ComfyUrlsForm';
import { EditReadyToggle } from './EditReadyToggle';
import { FfmpegChoice } from './FfmpegChoice';
import { NewProjectDefaultsForm } from './NewProjectDefaultsForm';
import { useAppSettings } from './useAppSettings';

const sourceLabels: Record<string, string> = {
  setting: 'set in Settings',
  environment: 'from FFMPEG_PATH / FFPROBE_PATH',
  bundled: 'bundled with Shotloom',
  system: 'found on the PATH',
};

/** FFmpeg in use (read again after another one is chosen), ComfyUI servers, where data lives. */
export function GeneralSection() {
  const [revision, setRevision] = useState(0);
  return <GeneralFacts key={revision} onFfmpegChanged={() => setRevision((value) => value + 1)} />;
}

function GeneralFacts({ onFfmpegChanged }: { onFfmpegChanged: () => void }) {
  const state = useAppInfo();
  const settings = useAppSettings();
  if (state.status !== 'ready')
    return <p className="empty-state">{state.status === 'loading' ? 'Loading…' : state.error.message}</p>;
  const { info } = state;
  return (
    <div className="settings-section" data-testid="settings-general">
      <h3 className="section-heading">FFmpeg</h3>
      <dl className="settings-facts">
        {(['ffmpeg', 'ffprobe'] as const).map((name) => {
          const binary = info[name];
          return (
            <div key={name} className="settings-fact">
              <dt>{name}</dt>
              <dd>
                {binary.problem ? (
                  <>
                    <Badge tone="danger">Not usable</Badge> {binary.problem.message}
                  </>
                ) : (
                  <>
                    <Badge tone="ok">{binary.version ?? 'found'}</Badge> <code>{binary.path}</code>{' '}
                    <span className="settings-dim">
                      ({binary.source ? sourceLabels[binary.source] : 'unknown'})
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <FfmpegChoice state={settings} onChanged={onFfmpegChanged} />
      <h3 className="section-heading">ComfyUI</h3>
      <ComfyUrlsForm state={settings} />
      <h3 className="section-heading">New projects</h3>
      <NewProjectDefaultsForm state={settings} />
      <h3 className="section-heading">Exports</h3>
      <EditReadyToggle state={settings} />
      <h3 className="section-heading">Data</h3>
      <dl className="settings-facts">
        <div className="settings-fact">
          <dt>Settings and keys</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </div>
        <div className="settings-fact">
          <dt>Caches</dt>
          <dd className="settings-dim">
            Thumbnails, filmstrips and waveforms live in each project’s <code>cache/</code> folder and can be
            deleted at any time; they are made again when needed (Settings ▸ Project empties it).
          </dd>
        </div>
      </dl>
    </div>
  );
}
