import { catalog, findModel, modeLabels } from '../../../../common/catalog';
import { CheckboxField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { modelChoices, modeForShot, modelFit } from './modelFit';
import type { ShotEditor } from './useShotEditor';

/**
 * The model picker and the model's own fields (duration, ratio, seed, audio), rendered from the
 * catalog, with what the model cannot do with this shot listed before anything is sent.
 */
export function ModelSection({ editor }: { editor: ShotEditor }) {
  const { shot, update } = editor;
  const model = findModel(shot.model.provider, shot.model.model);
  const mode = modeForShot(shot);
  const choices = model ? modelChoices(model, mode) : { durations: [], ratios: [] };
  const report = modelFit(shot);
  const durations = choices.durations.includes(shot.durationSeconds)
    ? choices.durations
    : [...choices.durations, shot.durationSeconds].sort((a, b) => a - b);
  const ratios = choices.ratios.includes(shot.ratio) ? choices.ratios : [...choices.ratios, shot.ratio];

  return (
    <section className="inspector-section" aria-label="Model">
      <h3 className="section-heading">Model</h3>
      <div className="field">
        <label className="field-label" htmlFor={`model-${shot.id}`}>
          Provider and model
        </label>
        <select
          id={`model-${shot.id}`}
          className="input select"
          data-testid="shot-model"
          value={`${shot.model.provider}/${shot.model.model}`}
          onChange={(event) => {
            const [provider, ...rest] = event.target.value.split('/');
            void update({ model: { provider: provider ?? '', model: rest.join('/') } });
          }}
        >
          {catalog.map((provider) => (
            <optgroup key={provider.id} label={provider.label}>
              {provider.models.map((entry) => (
                <option
                  key={entry.id}
                  value={`${provider.id}/${entry.id}`}
                  disabled={entry.status.kind === 'retired'}
                >
                  {entry.label}
                  {entry.price ? (entry.price.cents === 0 ? ' · free' : ` · ${entry.price.cents}¢/s`) : ''}
                  {entry.status.kind === 'retired' ? ' (retired)' : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <div className="field-hint">
          Mode: {modeLabels[mode]}
          {model?.notes ? ` · ${model.notes}` : ''}
        </div>
      </div>
      <div className="field-grid">
        <div className="field">
          <label className="field-label" htmlFor={`duration-${shot.id}`}>
            Duration
          </label>
          <select
            id={`duration-${shot.id}`}
            className="input select"
            value={shot.durationSeconds}
            disabled={durations.length === 0}
            onChange={(event) => void update({ durationSeconds: Number(event.target.value) })}
          >
            {durations.map((value) => (
              <option key={value} value={value}>
                {value} s
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`ratio-${shot.id}`}>
            Aspect ratio
          </label>
          <select
            id={`ratio-${shot.id}`}
            className="input select"
            value={shot.ratio}
            onChange={(event) => void update({ ratio: event.target.value })}
          >
            {ratios.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`seed-${shot.id}`}>
            Seed
          </label>
          <input
            id={`seed-${shot.id}`}
            className="input"
            inputMode="numeric"
            placeholder="random"
            value={shot.seed ?? ''}
            onChange={(event) => {
              const text = event.target.value.trim();
              if (text === '') void update({ seed: null }, `shot:${shot.id}:seed`);
              else if (/^\d+$/.test(text)) void update({ seed: Number(text) }, `shot:${shot.id}:seed`);
            }}
          />
        </div>
      </div>
      {model && model.audio !== 'none' && (
        <CheckboxField
          label={model.audio === 'always' ? 'Audio (always on for this model)' : 'Generate audio'}
          checked={model.audio === 'always' || shot.audio}
          disabled={model.audio === 'always'}
          onChange={(checked) => void update({ audio: checked })}
        />
      )}
      {(report.issues.length > 0 || report.warnings.length > 0) && (
        <ul className="fit-problems" aria-label="What this model cannot do" data-testid="model-fit">
          {report.issues.map((issue, index) => (
            <li key={`i${index}`} className="fit-issue">
              <Icon name="warning" size={13} />
              <span>{issue.message}</span>
            </li>
          ))}
          {report.warnings.map((warning, index) => (
            <li key={`w${index}`} className="fit-warning">
              <Icon name="warning" size={13} />
              <span>{warning}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
