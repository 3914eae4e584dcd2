import type { GenerationMode } from '../model/schema/shot';
import type { ProviderId } from './providerIds';
import { animaticProvider } from './providers/animatic';
import { cometapiProvider } from './providers/cometapi';
import { comfyuiProvider } from './providers/comfyui';
import { falProvider } from './providers/fal';
import { googleProvider } from './providers/google';
import { lumaProvider } from './providers/luma';
import { openaiProvider } from './providers/openai';
import { replicateProvider } from './providers/replicate';
import { runwayProvider } from './providers/runway';
import type { CatalogModel, CatalogProvider, DurationRule } from './types';

/** Every provider and model, in the order the UI lists them (Animatic first: offline and free). */
export const catalog: readonly CatalogProvider[] = [
  animaticProvider,
  runwayProvider,
  googleProvider,
  cometapiProvider,
  openaiProvider,
  lumaProvider,
  falProvider,
  replicateProvider,
  comfyuiProvider,
];

/** The model a new shot uses. */
export const defaultModelRef = { provider: 'animatic' as ProviderId, model: 'animatic' };

export function findProvider(provider: string): CatalogProvider | null {
  return catalog.find((entry) => entry.id === provider) ?? null;
}

export function findModel(provider: string, model: string): CatalogModel | null {
  return findProvider(provider)?.models.find((entry) => entry.id === model) ?? null;
}

/** Human names for modes, for messages and menus. */
export const modeLabels: Record<GenerationMode, string> = {
  textToVideo: 'text → video',
  imageToVideo: 'image → video (first keyframe)',
  firstLastFrame: 'first + last keyframes',
  middleKeyframe: 'a middle keyframe',
  referenceImages: 'reference images',
  videoToVideo: 'video → video',
  extend: 'extending a clip',
  remix: 'remixing a clip',
};

/** What a shot holds, as far as choosing a mode is concerned. */
export interface ShotInputs {
  first: boolean;
  middle: boolean;
  last: boolean;
  references: number;
  sourceVideo: boolean;
}

/**
 * The mode a shot asks for when none is chosen: a source video means video→video, then keyframes
 * (first+last, middle), references, a first keyframe, else text.
 */
export function inferMode(inputs: ShotInputs): GenerationMode {
  if (inputs.sourceVideo) return 'videoToVideo';
  if (inputs.middle) return 'middleKeyframe';
  if (inputs.first && inputs.last) return 'firstLastFrame';
  if (inputs.last) return 'firstLastFrame';
  if (inputs.references > 0 && !inputs.first) return 'referenceImages';
  if (inputs.first) return 'imageToVideo';
  return 'textToVideo';
}

/** The duration rule that applies to a model in a mode. */
export function durationRuleFor(model: CatalogModel, mode: GenerationMode): DurationRule {
  return model.modeRules?.[mode]?.durations ?? model.durations;
}

export function ratiosFor(model: CatalogModel, mode: GenerationMode): string[] {
  return model.modeRules?.[mode]?.ratios ?? model.ratios;
}

export function durationAllowed(rule: DurationRule, seconds: number): boolean {
  if (rule.kind === 'fromSource') return true;
  if (rule.kind === 'list') return rule.values.includes(seconds);
  return Number.isInteger(seconds) && seconds >= rule.min && seconds <= rule.max;
}

export function describeDurations(rule: DurationRule): string {
  if (rule.kind === 'fromSource') return 'the length of the source video';
  if (rule.kind === 'list') return `${rule.values.join(', ')} s`;
  return `${rule.min}–${rule.max} s`;
}

/**
 * An even pixel size for a ratio, with the short side `shortSide` (Animatic, ComfyUI and the
 * previews use it): 16:9 at 720 → 1280x720, 9:16 → 720x1280, 1:1 → 720x720.
 */
export function ratioToSize(ratio: string, shortSide = 720): { width: number; height: number } {
  const match = /^(\d+):(\d+)$/.exec(ratio);
  const w = match ? Number(match[1]) : 16;
  const h = match ? Number(match[2]) : 9;
  const even = (value: number): number => Math.max(2, Math.round(value / 2) * 2);
  if (w >= h) return { width: even((shortSide * w) / h), height: even(shortSide) };
  return { width: even(shortSide), height: even((shortSide * h) / w) };
}

/** Catalog price for an output of `seconds`, in cents; null when unknown. */
export function catalogCostCents(model: CatalogModel, seconds: number, audio: boolean): number | null {
  if (!model.price) return null;
  const perSecond =
    audio && model.price.withAudioCents !== undefined ? model.price.withAudioCents : model.price.cents;
  return Math.round(perSecond * seconds * 100) / 100;
}
