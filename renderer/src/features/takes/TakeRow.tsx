import type { Take } from '../../../../common/model';
import { Badge } from '../../components/Badge';
import { Button, IconButton } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCents } from '../../components/format';
import { useThumbnail } from '../bin/thumbnails';
import { explainError } from '../jobs/errorWords';
import { takeStatusLabels, takeStatusTones } from './takeStatus';

export interface TakeRowActions {
  onPlay: (take: Take) => void;
  onUse: (take: Take) => void;
  onToggleCompare: (take: Take) => void;
  onRegenerate: (take: Take) => void;
  onEditParameters: (take: Take) => void;
  onContinue: (take: Take) => void;
}

/** One take of a shot: status, progress, cost, parameters, and what can be done with it. */
export function TakeRow({
  take,
  number,
  inUse,
  comparing,
  progress,
  busy,
  actions,
}: {
  take: Take;
  number: number;
  inUse: boolean;
  comparing: boolean;
  progress: number | null | undefined;
  busy: boolean;
  actions: TakeRowActions;
}) {
  const thumb = useThumbnail(take.outputAssetId);
  const label = `Take ${number}`;
  const ready = take.status === 'succeeded' && take.outputAssetId !== null;
  const running = take.status === 'queued' || take.status === 'running';
  const cost = take.actualCostCents ?? take.estimatedCostCents;
  const explanation = take.error ? explainError(take.error.code) : null;
  return (
    <li
      className={`take-row${inUse ? ' is-in-use' : ''}`}
      data-testid="take-row"
      data-take-id={take.id}
      data-status={take.status}
      aria-label={`${label}, ${takeStatusLabels[take.status]}${inUse ? ', in use' : ''}`}
    >
      <button
        type="button"
        className="take-thumb"
        disabled={!ready}
        onClick={() => actions.onPlay(take)}
        aria-label={`Play ${label}`}
      >
        {thumb ? <img src={thumb} alt="" /> : <span className="take-thumb-empty">{number}</span>}
        {ready && (
          <span className="take-thumb-play" aria-hidden="true">
            ▶
          </span>
        )}
      </button>
      <div className="take-main">
        <div className="take-title">
          <span className="take-name">{label}</span>
          <Badge tone={takeStatusTones[take.status]}>{takeStatusLabels[take.status]}</Badge>
          {inUse && <Badge tone="ok">In use</Badge>}
          <span className="take-cost" title={take.actualCostCents === null ? 'Estimated cost' : 'Charged'}>
            {formatCents(cost)}
          </span>
        </div>
        <div className="take-meta">
          {take.model} · {take.recipe.durationSeconds} s · {take.recipe.ratio} · seed{' '}
          {take.recipe.seed ?? 'random'}
        </div>
        {running && <ProgressBar value={progress ?? null} label={`${label} progress`} />}
        {explanation && take.error && (
          <div className="take-error" role="note">
            <strong>{explanation.title}.</strong> {take.error.message} {explanation.advice}
            <details>
              <summary>Details</summary>
              <code>
                {take.error.code}
                {take.error.detail ? ` · ${take.error.detail}` : ''}
              </code>
            </details>
          </div>
        )}
        <div className="take-actions">
          {ready && !inUse && (
            <Button onClick={() => actions.onUse(take)} data-testid="take-use">
              Use this take
            </Button>
          )}
          {ready && (
            <Button
              icon="arrowRight"
              onClick={() => actions.onContinue(take)}
              disabled={busy}
              data-testid="take-continue"
            >
              Continue from last frame
            </Button>
          )}
          {!running && (
            <IconButton
              icon="refresh"
              label={`Regenerate ${label} with the same parameters`}
              onClick={() => actions.onRegenerate(take)}
              disabled={busy || explanation?.retry === 'no'}
            />
          )}
          <IconButton
            icon="settings"
            label={`Load the parameters of ${label} into the shot to edit them`}
            onClick={() => actions.onEditParameters(take)}
          />
          {ready && (
            <label className="take-compare-toggle">
              <input
                type="checkbox"
                checked={comparing}
                onChange={() => actions.onToggleCompare(take)}
                aria-label={`Compare ${label}`}
                data-testid="take-compare"
              />
              Compare
            </label>
          )}
        </div>
      </div>
    </li>
  );
}
