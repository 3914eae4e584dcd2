import { useEffect, useState } from 'react';
import type { Project, Shot } from '../../../../common/model';
import { Button } from '../../components/Button';
import { formatCents } from '../../components/format';
import { useMenuCommand } from '../../components/useMenuCommand';
import { useShortcuts } from '../../shortcuts';
import { budgetLeftCents } from './budget';
import { modelFit } from './modelFit';
import { useGeneration, type CostEstimateView } from './useGeneration';

/** The cost estimate, the budget left, and Generate (one take or N). */
export function GenerateSection({ shot, document }: { shot: Shot; document: Project }) {
  const generation = useGeneration();
  const [count, setCount] = useState(1);
  const [estimate, setEstimate] = useState<CostEstimateView | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const report = modelFit(shot);
  const blocked = report.issues.length > 0;
  const shownEstimate = blocked ? null : estimate;
  const known = shownEstimate && !('error' in shownEstimate) ? shownEstimate : null;
  const cents = known ? known.cents : null;
  // The core's figure counts jobs in flight; the ledger alone is the fallback.
  const left = known ? known.remainingCents : budgetLeftCents(document);
  const overBudget = known ? !known.withinBudget : false;

  const { estimate: estimateCost } = generation;
  const shotId = shot.id;
  const recipeKey = `${shot.model.provider}/${shot.model.model}/${shot.durationSeconds}/${shot.audio}/${shot.ratio}/${document.ledger.length}/${shot.takeIds.length}`;
  useEffect(() => {
    let live = true;
    if (blocked) return;
    const timer = setTimeout(() => {
      void estimateCost(shotId, count).then((value) => {
        if (live) setEstimate(value);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Asked again when what the price depends on changes (recipeKey), not on every keystroke.
  }, [shotId, recipeKey, count, blocked, estimateCost]);

  const generate = async () => {
    if (blocked || busy) return;
    setBusy(true);
    setMessage(null);
    const error = await generation.start(shot, count);
    setBusy(false);
    setMessage(error);
  };

  useMenuCommand('shot.generate', () => void generate());
  useShortcuts([
    {
      id: 'shot.generate',
      keys: ['Mod+Enter'],
      description: 'Generate takes of the shot',
      group: 'Shots',
      run: () => void generate(),
    },
  ]);

  return (
    <section className="inspector-section" aria-label="Generate">
      <div className="generate-box">
        <dl className="cost-lines" data-testid="cost-lines">
          <dt>Estimate{count > 1 ? ` (${count} takes)` : ''}</dt>
          <dd
            data-testid="cost-estimate"
            title={estimate && !('error' in estimate) ? estimate.note : undefined}
          >
            {estimate === null
              ? '–'
              : 'error' in estimate
                ? 'unknown'
                : cents === 0
                  ? 'Free'
                  : formatCents(cents)}
          </dd>
          <dt>Budget left{known && known.remainingCents !== null ? ' after this' : ''}</dt>
          <dd className={overBudget ? 'over-budget' : undefined} data-testid="budget-left">
            {left === null ? 'No budget set' : formatCents(left)}
          </dd>
        </dl>
        {shownEstimate && 'error' in shownEstimate && (
          <div className="section-note">{shownEstimate.error}</div>
        )}
        {overBudget && (
          <ul className="fit-problems">
            <li className="fit-issue">This would pass the project budget.</li>
          </ul>
        )}
        <div className="generate-row">
          <select
            className="input select take-count-select"
            aria-label="Number of takes"
            value={count}
            onChange={(event) => setCount(Number(event.target.value))}
            data-testid="take-count"
          >
            {[1, 2, 3, 4].map((value) => (
              <option key={value} value={value}>
                {value} {value === 1 ? 'take' : 'takes'}
              </option>
            ))}
          </select>
          <Button
            variant="primary"
            icon="sparkle"
            disabled={blocked || busy}
            onClick={() => void generate()}
            title={blocked ? 'Fix what the model cannot do first' : 'Generate (Ctrl+Enter)'}
            data-testid="generate"
          >
            {busy ? 'Sending…' : count === 1 ? 'Generate' : `Generate ${count} takes`}
          </Button>
        </div>
        {message && (
          <div className="error-text section-note" role="alert">
            {message}
          </div>
        )}
      </div>
    </section>
  );
}
