import { useState } from 'react';
import type { Sequence } from '../../../../common/model';
import { duckingRangeDb } from '../../../../common/model/operations/sequenceSettings';
import { useProjectState } from '../../state';
import './sequence.css';

/**
 * "Duck music under dialogue" for one sequence, and by how many dB: music tracks are lowered under
 * dialogue tracks when the sequence is exported. One undo step per toggle; typing an amount is one.
 */
export function DuckingControl({ sequence, compact = false }: { sequence: Sequence; compact?: boolean }) {
  const { edit } = useProjectState();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The box shows the click at once; the document catches up when the core answers.
  const [pendingEnabled, setPendingEnabled] = useState<boolean | null>(null);
  const { amountDb } = sequence.ducking;
  const enabled = pendingEnabled ?? sequence.ducking.enabled;
  const checkboxId = `ducking-${sequence.id}`;

  const send = (next: { enabled: boolean; amountDb: number }, coalesceKey?: string) =>
    void edit({ type: 'setSequenceSettings', sequenceId: sequence.id, ducking: next }, coalesceKey).then(
      (result) => {
        setError(result.ok ? null : result.error.message);
        setPendingEnabled(null);
      },
    );

  const onAmount = (text: string) => {
    setDraft(text);
    const lowerBy = Number(text);
    if (!Number.isInteger(lowerBy) || -lowerBy < duckingRangeDb.min || -lowerBy > duckingRangeDb.max) {
      setError(`Lower music by ${-duckingRangeDb.max} to ${-duckingRangeDb.min} dB.`);
      return;
    }
    send({ enabled, amountDb: -lowerBy }, `ducking:${sequence.id}:amount`);
  };

  return (
    <div
      className={compact ? 'ducking-control is-compact' : 'ducking-control'}
      role="group"
      aria-label={`Music ducking of ${sequence.name}`}
      data-testid="ducking-control"
    >
      <input
        id={checkboxId}
        type="checkbox"
        checked={enabled}
        onChange={(event) => {
          setPendingEnabled(event.target.checked);
          send({ enabled: event.target.checked, amountDb });
        }}
      />
      <label htmlFor={checkboxId} title="Lower music tracks while dialogue tracks play, in the export">
        Duck music under dialogue
      </label>
      <input
        type="number"
        className="input ducking-amount"
        min={-duckingRangeDb.max}
        max={-duckingRangeDb.min}
        step={1}
        value={draft ?? String(-amountDb)}
        disabled={!enabled}
        aria-label="Lower music by (dB)"
        onChange={(event) => onAmount(event.target.value)}
        onBlur={() => setDraft(null)}
      />
      <span className="ducking-unit">dB</span>
      {error && (
        <span className="ducking-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
