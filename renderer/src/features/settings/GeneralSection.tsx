import { useAppInfo } from '../../app/useAppInfo';
import { Badge } from '../../components/Badge';

const sourceLabels: Record<string, string> = {
  setting: 'set in Settings',
  environment: 'from FFMPEG_PATH / FFPROBE_PATH',
  bundled: 'bundled with Shotloom',
  system: 'found on the PATH',
};

/** FFmpeg in use, where data lives. */
export function GeneralSection() {
  const state = useAppInfo();
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
      <p className="settings-note">
        To use another FFmpeg, set <code>FFMPEG_PATH</code> and <code>FFPROBE_PATH</code> before starting
        Shotloom.
      </p>
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
            deleted at any time; they are made again when needed.
          </dd>
        </div>
      </dl>
    </div>
  );
}
