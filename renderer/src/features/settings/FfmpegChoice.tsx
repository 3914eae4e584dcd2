import { Button } from '../../components/Button';
import type { AppSettingsState } from './useAppSettings';

/**
 * Choosing another FFmpeg in the desktop app (its file dialog; the program is checked before it is
 * kept). Elsewhere FFmpeg comes from FFMPEG_PATH / FFPROBE_PATH, said in words.
 */
export function FfmpegChoice({ state, onChanged }: { state: AppSettingsState; onChanged: () => void }) {
  const settings = state.settings;
  if (!settings?.canChooseFfmpeg) {
    return (
      <p className="settings-note">
        To use another FFmpeg, set <code>FFMPEG_PATH</code> and <code>FFPROBE_PATH</code> before starting
        Shotloom.
      </p>
    );
  }
  const run = async (action: 'choose' | 'automatic') => {
    if ((await state.ffmpeg(action)) === null) onChanged();
  };
  return (
    <div className="ffmpeg-choice">
      <Button onClick={() => void run('choose')}>Choose FFmpeg…</Button>
      {settings.ffmpegPath !== null && (
        <Button variant="ghost" onClick={() => void run('automatic')}>
          Find it automatically
        </Button>
      )}
      {state.error && (
        <span className="settings-error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
