import type { Project, Take, TakeRecipe } from '../../../../common/model';

/** One row of a comparison of two takes' parameters. */
export interface RecipeDiffRow {
  field: string;
  label: string;
  left: string;
  right: string;
  differs: boolean;
}

function assetName(document: Project, id: string | null): string {
  if (!id) return '—';
  return document.assets[id]?.name ?? id;
}

function referenceNames(document: Project, ids: readonly string[]): string {
  if (ids.length === 0) return '—';
  return ids.map((id) => document.references[id]?.name ?? id).join(', ');
}

/** Each parameter of a take as display text, keyed by field. */
export function describeTake(
  document: Project,
  take: Take,
): Array<[field: string, label: string, value: string]> {
  const recipe: TakeRecipe = take.recipe;
  return [
    ['model', 'Model', `${take.provider} · ${take.model}`],
    ['mode', 'Mode', take.mode],
    ['prompt', 'Prompt', recipe.prompt || '—'],
    ['negativePrompt', 'Negative prompt', recipe.negativePrompt || '—'],
    ['cameraDirection', 'Camera', recipe.cameraDirection || '—'],
    ['first', 'First frame', assetName(document, recipe.keyframes.first)],
    ['middle', 'Middle frame', assetName(document, recipe.keyframes.middle)],
    ['last', 'Last frame', assetName(document, recipe.keyframes.last)],
    ['references', 'References', referenceNames(document, recipe.referenceIds)],
    ['durationSeconds', 'Duration', `${recipe.durationSeconds} s`],
    ['ratio', 'Ratio', recipe.ratio],
    ['seed', 'Seed', recipe.seed === null ? 'random' : String(recipe.seed)],
    ['audio', 'Audio', recipe.audio ? 'on' : 'off'],
  ];
}

/** Every parameter of two takes side by side, marking those that differ. */
export function diffTakes(document: Project, left: Take, right: Take): RecipeDiffRow[] {
  const rightValues = new Map(describeTake(document, right).map(([field, , value]) => [field, value]));
  return describeTake(document, left).map(([field, label, value]) => {
    const other = rightValues.get(field) ?? '—';
    return { field, label, left: value, right: other, differs: value !== other };
  });
}
