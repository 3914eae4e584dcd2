import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { useProjectState } from '../../state';

/** "25" or "25.50" dollars → cents; null when the text is not an amount. */
export function dollarsToCents(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

/** The project budget in dollars: generation jobs past it are refused (BUDGET_EXCEEDED). */
export function BudgetForm({ budgetCents }: { budgetCents: number | null }) {
  const { edit } = useProjectState();
  const inputId = useId();
  // null shows the project's budget; a draft is kept while typing and until the edit is answered.
  const [typed, setTyped] = useState<string | null>(null);
  const draft = typed ?? (budgetCents === null ? '' : (budgetCents / 100).toFixed(2));
  const [error, setError] = useState<string | null>(null);

  const send = async (cents: number | null) => {
    const sent = typed;
    const result = await edit({ type: 'setProjectSettings', budgetCents: cents });
    setError(result.ok ? null : result.error.message);
    // Back to showing the project's budget, unless the user typed on while the edit was answered.
    if (result.ok) setTyped((current) => (current === sent ? null : current));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return void send(null);
    const cents = dollarsToCents(draft);
    if (cents === null) return setError('Enter dollars, like 25 or 25.50 (leave it empty for no budget).');
    void send(cents);
  };

  return (
    <form className="budget-form" onSubmit={submit} aria-label="Project budget">
      <label htmlFor={inputId}>Budget (US$)</label>
      <input
        id={inputId}
        className="input budget-input"
        inputMode="decimal"
        placeholder="No budget"
        value={draft}
        onChange={(event) => setTyped(event.target.value)}
        data-testid="budget-input"
      />
      <Button type="submit" variant="primary">
        Set budget
      </Button>
      {budgetCents !== null && (
        <Button type="button" onClick={() => void send(null)}>
          No budget
        </Button>
      )}
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
