import { useId, useRef } from 'react';
import type { Shot, Take } from '../../../../common/model';
import { cameraPresets, insertPhrase, stylePresets, type PromptPreset } from './presets';
import { useShotText, type ShotEditor } from './useShotEditor';

function PresetRow({
  label,
  presets,
  activeId,
  onPick,
}: {
  label: string;
  presets: readonly PromptPreset[];
  activeId?: string;
  onPick: (preset: PromptPreset) => void;
}) {
  return (
    <div className="preset-row" role="group" aria-label={label}>
      <span className="preset-row-label">{label}</span>
      <div className="preset-chips">
        {presets.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className={preset.id === activeId ? 'chip is-active' : 'chip'}
            title={`Insert: ${preset.phrase}`}
            aria-label={`${label}: ${preset.label}`}
            {...(activeId !== undefined ? { 'aria-pressed': preset.id === activeId } : {})}
            onClick={() => onPick(preset)}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * The prompts this shot has used, newest first: its recorded history and the prompt of every take
 * it generated (a take keeps the recipe it was sent with).
 */
export function promptHistory(shot: Shot, takes: readonly Take[]): string[] {
  const ordered = [...shot.promptHistory, ...takes.map((take) => take.recipe.prompt)];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const prompt of ordered.reverse()) {
    const text = prompt.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    result.push(text);
  }
  return result;
}

/** Prompt and negative prompt, their history, and presets inserted as editable text. */
export function PromptSection({
  editor,
  history: allHistory,
}: {
  editor: ShotEditor;
  history: readonly string[];
}) {
  const prompt = useShotText(editor, 'prompt');
  const negative = useShotText(editor, 'negativePrompt');
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const promptId = useId();
  const negativeId = useId();
  const history = allHistory.filter((entry) => entry !== prompt.value.trim()).slice(0, 12);

  const insert = (preset: PromptPreset, camera: boolean) => {
    const area = promptRef.current;
    const { text, caret } = insertPhrase(
      prompt.value,
      preset.phrase,
      area?.selectionStart,
      area?.selectionEnd,
    );
    prompt.set(text);
    if (camera) void editor.update({ cameraDirection: preset.id });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  return (
    <section className="inspector-section" aria-labelledby={`${promptId}-heading`}>
      <div className="section-heading-row">
        <h3 id={`${promptId}-heading`} className="section-heading">
          Prompt
        </h3>
        {history.length > 0 && (
          <select
            className="chip-select"
            aria-label="Prompt history"
            value=""
            onChange={(event) => event.target.value && prompt.set(event.target.value)}
          >
            <option value="">History ({history.length})</option>
            {history.map((entry, index) => (
              <option key={index} value={entry}>
                {entry.length > 70 ? `${entry.slice(0, 70)}…` : entry}
              </option>
            ))}
          </select>
        )}
      </div>
      <label className="visually-hidden" htmlFor={promptId}>
        Prompt
      </label>
      <textarea
        id={promptId}
        ref={promptRef}
        className="input textarea prompt-input"
        rows={4}
        placeholder="Describe the shot: subject, action, setting, light…"
        value={prompt.value}
        onChange={(event) => prompt.onChange(event.target.value)}
        onBlur={prompt.onBlur}
        data-testid="shot-prompt"
      />
      <PresetRow
        label="Camera"
        presets={cameraPresets}
        activeId={editor.shot.cameraDirection}
        onPick={(preset) => insert(preset, true)}
      />
      <PresetRow label="Style" presets={stylePresets} onPick={(preset) => insert(preset, false)} />
      <label className="field-label" htmlFor={negativeId}>
        Negative prompt
      </label>
      <textarea
        id={negativeId}
        className="input textarea negative-input"
        rows={2}
        placeholder="What to avoid: text, watermarks, extra limbs…"
        value={negative.value}
        onChange={(event) => negative.onChange(event.target.value)}
        onBlur={negative.onBlur}
      />
    </section>
  );
}
