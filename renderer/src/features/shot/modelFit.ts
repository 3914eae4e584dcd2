import type { CatalogModel, DurationRule } from '../../../../common/catalog/types';
import type { GenerationMode, Shot } from '../../../../common/model';

/** The generation mode a shot's inputs call for. */
export function modeForShot(
  shot: Pick<Shot, 'keyframes' | 'referenceIds' | 'sourceVideoAssetId'>,
): GenerationMode {
  if (shot.sourceVideoAssetId) return 'videoToVideo';
  if (shot.keyframes.middle) return 'middleKeyframe';
  if (shot.keyframes.last) return 'firstLastFrame';
  if (shot.referenceIds.length > 0 && !shot.keyframes.first) return 'referenceImages';
  if (shot.keyframes.first) return 'imageToVideo';
  return 'textToVideo';
}

export const modeLabels: Record<GenerationMode, string> = {
  textToVideo: 'Text to video',
  imageToVideo: 'Image to video',
  firstLastFrame: 'First + last frame',
  middleKeyframe: 'Middle keyframe',
  referenceImages: 'Reference images',
  videoToVideo: 'Video to video',
  extend: 'Extend',
  remix: 'Remix',
};

/** Whole-second durations a rule allows (empty when the source decides). */
export function durationChoices(rule: DurationRule): number[] {
  if (rule.kind === 'list') return [...rule.values];
  if (rule.kind === 'range') {
    const values: number[] = [];
    for (let value = rule.min; value <= rule.max; value += 1) values.push(value);
    return values;
  }
  return [];
}

/** The durations and ratios a model takes in a given mode (mode rules override the model's). */
export function modelChoices(
  model: CatalogModel,
  mode: GenerationMode,
): { durations: number[]; ratios: string[] } {
  const rule = model.modeRules?.[mode];
  return {
    durations: durationChoices(rule?.durations ?? model.durations),
    ratios: rule?.ratios ?? model.ratios,
  };
}

export interface FitProblem {
  /** What the problem is about, for focusing the right control. */
  field: 'model' | 'mode' | 'prompt' | 'keyframes' | 'references' | 'duration' | 'ratio' | 'audio';
  message: string;
  /** Blocks sending (otherwise a warning). */
  blocking: boolean;
}

/**
 * What the chosen model cannot do with this shot, said before anything is sent. The core validates
 * again (CAPABILITY_UNSUPPORTED); this is for showing the creator early.
 */
export function modelFit(model: CatalogModel, shot: Shot): FitProblem[] {
  const problems: FitProblem[] = [];
  const mode = modeForShot(shot);
  if (model.status.kind === 'retired') {
    problems.push({
      field: 'model',
      message: `${model.label} is retired: ${model.status.note}`,
      blocking: true,
    });
  } else if (model.status.kind === 'legacy') {
    problems.push({
      field: 'model',
      message: `${model.label} is a legacy model: ${model.status.note}`,
      blocking: false,
    });
  }
  if (!model.modes.includes(mode)) {
    const can = model.modes.map((candidate) => modeLabels[candidate].toLowerCase()).join(', ');
    problems.push({
      field: 'keyframes',
      message: `${model.label} cannot do ${modeLabels[mode].toLowerCase()}; it can do ${can}.`,
      blocking: true,
    });
  }
  if (shot.keyframes.middle && !model.modes.includes('middleKeyframe')) {
    problems.push({ field: 'keyframes', message: 'This model takes no middle keyframe.', blocking: true });
  }
  const references = shot.referenceIds.length;
  if (references > model.maxReferences) {
    problems.push({
      field: 'references',
      message:
        model.maxReferences === 0
          ? 'This model takes no reference images.'
          : `This model takes at most ${model.maxReferences} reference images (${references} attached).`,
      blocking: true,
    });
  }
  const promptRequired = model.modeRules?.[mode]?.promptRequired ?? model.promptRequired;
  if (promptRequired && shot.prompt.trim() === '') {
    problems.push({ field: 'prompt', message: 'This model needs a prompt.', blocking: true });
  }
  if (model.maxPromptLength !== undefined && shot.prompt.length > model.maxPromptLength) {
    problems.push({
      field: 'prompt',
      message: `The prompt is ${shot.prompt.length} characters; this model takes at most ${model.maxPromptLength}.`,
      blocking: true,
    });
  }
  const choices = modelChoices(model, mode);
  if (choices.durations.length > 0 && !choices.durations.includes(shot.durationSeconds)) {
    problems.push({
      field: 'duration',
      message: `${shot.durationSeconds} s is not offered in this mode (choose ${choices.durations.join(', ')} s).`,
      blocking: true,
    });
  }
  if (!choices.ratios.includes(shot.ratio)) {
    problems.push({
      field: 'ratio',
      message: `${shot.ratio} is not offered in this mode (choose ${choices.ratios.join(', ')}).`,
      blocking: true,
    });
  }
  if (shot.audio && model.audio === 'none') {
    problems.push({
      field: 'audio',
      message: 'This model generates no sound; audio will be off.',
      blocking: false,
    });
  }
  return problems;
}

/** Catalog price of one take in cents, when the catalog knows it (null: unknown; 0: free). */
export function catalogPriceCents(
  model: CatalogModel,
  durationSeconds: number,
  audio: boolean,
): number | null {
  if (!model.price) return null;
  const perSecond =
    audio && model.price.withAudioCents !== undefined ? model.price.withAudioCents : model.price.cents;
  return perSecond * durationSeconds;
}
