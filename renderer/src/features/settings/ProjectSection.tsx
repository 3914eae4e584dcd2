import { formatCents } from '../../components/format';
import { useProjectState } from '../../state';
import { spentCents } from '../shot/budget';
import { BudgetForm } from './BudgetForm';
import { CacheControl } from './CacheControl';

/** The open project's defaults and budget. */
export function ProjectSection() {
  const { snapshot } = useProjectState();
  if (!snapshot) return <p className="empty-state">No project open.</p>;
  const { settings } = snapshot.document;
  const spent = spentCents(snapshot.document);
  const rate = settings.defaultRate;
  return (
    <div className="settings-section" data-testid="settings-project">
      <h3 className="section-heading">New sequences</h3>
      <dl className="settings-facts">
        <div className="settings-fact">
          <dt>Frame rate</dt>
          <dd>
            {rate.den === 1
              ? `${rate.num} fps`
              : `${(rate.num / rate.den).toFixed(3)} fps (${rate.num}/${rate.den})`}
          </dd>
        </div>
        <div className="settings-fact">
          <dt>Frame size</dt>
          <dd>
            {settings.defaultWidth} × {settings.defaultHeight}
          </dd>
        </div>
        <div className="settings-fact">
          <dt>Sample rate</dt>
          <dd>{settings.defaultSampleRate.toLocaleString()} Hz</dd>
        </div>
      </dl>
      <h3 className="section-heading">Budget</h3>
      <dl className="settings-facts">
        <div className="settings-fact">
          <dt>Budget</dt>
          <dd>{settings.budgetCents === null ? 'No budget' : formatCents(settings.budgetCents)}</dd>
        </div>
        <div className="settings-fact">
          <dt>Spent so far</dt>
          <dd>{formatCents(spent)}</dd>
        </div>
      </dl>
      <BudgetForm budgetCents={settings.budgetCents} />
      <h3 className="section-heading">Cache</h3>
      <CacheControl />
    </div>
  );
}
