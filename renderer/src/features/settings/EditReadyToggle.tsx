import { useState } from 'react';
import { CheckboxField } from '../../components/Field';
import type { AppSettingsState } from './useAppSettings';

/**
 * Settings ▸ General: background edit-ready copies on or off. The box follows the click at once and
 * goes back (with the error shown) if the core refuses the change.
 */
export function EditReadyToggle({ state }: { state: AppSettingsState }) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checked = pending ?? state.settings?.editReadyCopies ?? true;
  const change = async (next: boolean) => {
    setPending(next);
    setError(await state.update({ editReadyCopies: next }));
    setPending(null);
  };
  return (
    <div data-testid="settings-edit-ready">
      <CheckboxField
        label="Make edit-ready copies of imported videos and new takes in the background"
        checked={checked}
        disabled={state.settings === null}
        onChange={(next) => void change(next)}
      />
      <p className="settings-dim">
        A copy with a keyframe every half second (one x264 encode per clip, cached in the project’s{' '}
        <code>cache/</code>) lets exports with transitions copy most of each shot instead of encoding it.
        Videos longer than five minutes get theirs from the export dialog, when asked for.
      </p>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
