import {
  checkAgainstCatalog,
  durationRuleFor,
  inferMode,
  ratiosFor,
  type CapabilityReport,
  type CatalogModel,
  type DurationRule,
} from '../../../../common/catalog';
import type { GenerationMode, Shot } from '../../../../common/model';

/** The generation mode a shot's inputs call for (the catalog's rule). */
export function modeForShot(
  shot: Pick<Shot, 'keyframes' | 'referenceIds' | 'sourceVideoAssetId'>,
): GenerationMode {
  return inferMode({
    first: shot.keyframes.first !== null,
    middle: shot.keyframes.middle !== null,
    last: shot.keyframes.last !== null,
    references: shot.referenceIds.length,
    sourceVideo: shot.sourceVideoAssetId !== null,
  });
}

/** Whole-second durations a rule allows, for a menu (empty when the source decides). */
export function durationChoices(rule: DurationRule): number[] {
  if (rule.kind === 'list') return [...rule.values];
  if (rule.kind === 'range') {
    const values: number[] = [];
    for (let value = rule.min; value <= rule.max; value += 1) values.push(value);
    return values;
  }
  return [];
}

/** The durations and ratios a model offers in a mode. */
export function modelChoices(
  model: CatalogModel,
  mode: GenerationMode,
): { durations: number[]; ratios: string[] } {
  return { durations: durationChoices(durationRuleFor(model, mode)), ratios: ratiosFor(model, mode) };
}

/**
 * What the shot's model cannot do with this shot, said before anything is sent (the catalog's own
 * check, which the core runs again before any request leaves the machine).
 */
export function modelFit(shot: Shot): CapabilityReport {
  return checkAgainstCatalog({
    provider: shot.model.provider,
    model: shot.model.model,
    mode: modeForShot(shot),
    prompt: shot.prompt,
    durationSeconds: shot.durationSeconds,
    ratio: shot.ratio,
    audio: shot.audio,
    hasFirst: shot.keyframes.first !== null,
    hasMiddle: shot.keyframes.middle !== null,
    hasLast: shot.keyframes.last !== null,
    referenceCount: shot.referenceIds.length,
    hasSourceVideo: shot.sourceVideoAssetId !== null,
  });
}
