import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import type { AppSettingsState } from './useAppSettings';

/** The ComfyUI servers to try, one http(s) address a line, tried in order. */
export function ComfyUrlsForm({ state }: { state: AppSettingsState }) {
  const id = useId();
  const saved = state.settings?.comfyUrls.join('\n') ?? '';
  const [typed, setTyped] = useState<string | null>(null);
  const draft = typed ?? saved;
  const [note, setNote] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const urls = draft
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const error = await state.update({ comfyUrls: urls });
    setNote(error ?? 'Saved.');
    if (error === null) setTyped(null);
  };

  return (
    <form className="comfy-form" onSubmit={(event) => void submit(event)} aria-label="ComfyUI servers">
      <label htmlFor={id} className="settings-dim">
        ComfyUI servers (one http:// or https:// address a line, tried in order)
      </label>
      <textarea
        id={id}
        className="input textarea comfy-urls"
        rows={3}
        spellCheck={false}
        value={draft}
        disabled={state.settings === null}
        onChange={(event) => setTyped(event.target.value)}
        data-testid="comfy-urls"
      />
      <div className="comfy-actions">
        <Button type="submit" disabled={state.settings === null || draft === saved}>
          Save servers
        </Button>
        {note && (
          <span className={note === 'Saved.' ? 'settings-dim' : 'settings-error'} role="status">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}
