import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import type { AppSettingsState } from './useAppSettings';

/** The frame rates offered for new projects, as exact rationals. */
const rates = [
  { label: '23.976 fps', rate: { num: 24000, den: 1001 } },
  { label: '24 fps', rate: { num: 24, den: 1 } },
  { label: '25 fps', rate: { num: 25, den: 1 } },
  { label: '29.97 fps', rate: { num: 30000, den: 1001 } },
  { label: '30 fps', rate: { num: 30, den: 1 } },
  { label: '50 fps', rate: { num: 50, den: 1 } },
  { label: '60 fps', rate: { num: 60, den: 1 } },
];
const rateKey = (rate: { num: number; den: number }) => `${rate.num}/${rate.den}`;

/** Frame rate and size new projects start with (settings:update; the core refuses nonsense). */
export function NewProjectDefaultsForm({ state }: { state: AppSettingsState }) {
  const defaults = state.settings?.defaults ?? null;
  const [typed, setTyped] = useState<{ rate?: string; width?: string; height?: string }>({});
  const [note, setNote] = useState<string | null>(null);
  if (!defaults) return null;
  const rate = typed.rate ?? rateKey(defaults.rate);
  const width = typed.width ?? String(defaults.width);
  const height = typed.height ?? String(defaults.height);
  const options = rates.some((entry) => rateKey(entry.rate) === rateKey(defaults.rate))
    ? rates
    : [...rates, { label: `${rateKey(defaults.rate)} fps`, rate: defaults.rate }];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = options.find((entry) => rateKey(entry.rate) === rate)?.rate ?? defaults.rate;
    const error = await state.update({
      defaults: { rate: chosen, width: Number(width), height: Number(height) },
    });
    setNote(error ?? 'Saved: new projects start with these.');
    if (error === null) setTyped({});
  };

  return (
    <form
      className="defaults-form"
      onSubmit={(event) => void submit(event)}
      aria-label="New project defaults"
    >
      <SelectField
        label="Frame rate"
        value={rate}
        options={options.map((entry) => ({ value: rateKey(entry.rate), label: entry.label }))}
        onChange={(event) => setTyped({ ...typed, rate: event.target.value })}
      />
      <TextField
        label="Width"
        inputMode="numeric"
        value={width}
        onChange={(event) => setTyped({ ...typed, width: event.target.value })}
      />
      <TextField
        label="Height"
        inputMode="numeric"
        value={height}
        onChange={(event) => setTyped({ ...typed, height: event.target.value })}
      />
      <Button type="submit">Save defaults</Button>
      {note && (
        <span className={note.startsWith('Saved') ? 'settings-dim' : 'settings-error'} role="status">
          {note}
        </span>
      )}
    </form>
  );
}
