import { AppError } from '../contract/appError';
import type { GenerationMode } from '../model/schema/shot';
import {
  describeDurations,
  durationAllowed,
  durationRuleFor,
  findModel,
  findProvider,
  modeLabels,
  ratiosFor,
} from './catalog';
import type { CatalogModel } from './types';

/** A shot (or request) as the catalog checks it: what it holds, not the files themselves. */
export interface CapabilityRequest {
  provider: string;
  model: string;
  mode: GenerationMode;
  prompt: string;
  durationSeconds: number;
  ratio: string;
  audio: boolean;
  hasFirst: boolean;
  hasMiddle: boolean;
  hasLast: boolean;
  referenceCount: number;
  hasSourceVideo: boolean;
  /** 720p, 1080p, … when chosen. */
  resolution?: string;
}

export interface CapabilityIssue {
  field:
    | 'provider'
    | 'model'
    | 'mode'
    | 'prompt'
    | 'duration'
    | 'ratio'
    | 'audio'
    | 'keyframes'
    | 'references'
    | 'sourceVideo'
    | 'resolution';
  message: string;
  /** AppError code this issue maps to. */
  code: 'CAPABILITY_UNSUPPORTED' | 'PROVIDER_MODEL_RETIRED' | 'BAD_REQUEST';
}

export interface CapabilityReport {
  model: CatalogModel | null;
  /** Problems that stop the request. */
  issues: CapabilityIssue[];
  /** Things the user should know (legacy model, audio always on…). */
  warnings: string[];
}

/** Checks a request against the catalog: every problem, each as a sentence a creator understands. */
export function checkAgainstCatalog(request: CapabilityRequest): CapabilityReport {
  const provider = findProvider(request.provider);
  if (!provider) {
    return {
      model: null,
      issues: [
        {
          field: 'provider',
          code: 'CAPABILITY_UNSUPPORTED',
          message: `There is no provider named "${request.provider}".`,
        },
      ],
      warnings: [],
    };
  }
  const model = findModel(request.provider, request.model);
  if (!model) {
    return {
      model: null,
      issues: [
        {
          field: 'model',
          code: 'CAPABILITY_UNSUPPORTED',
          message: `${provider.label} has no model "${request.model}". Its models: ${provider.models.map((entry) => entry.id).join(', ')}.`,
        },
      ],
      warnings: [],
    };
  }
  const issues: CapabilityIssue[] = [];
  const warnings: string[] = [];
  const name = model.label;
  if (model.status.kind === 'retired') {
    issues.push({
      field: 'model',
      code: 'PROVIDER_MODEL_RETIRED',
      message: `${name} has been retired${model.status.since ? ` since ${model.status.since}` : ''}. ${model.status.note}`,
    });
  } else if (model.status.kind === 'legacy') {
    warnings.push(`${name} is a legacy model: ${model.status.note}`);
  }

  if (!model.modes.includes(request.mode)) {
    issues.push({
      field: 'mode',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} cannot do ${modeLabels[request.mode]}. It can do: ${model.modes.map((mode) => modeLabels[mode]).join('; ')}.`,
    });
  }
  issues.push(...inputIssues(request, name));

  const rules = model.modeRules?.[request.mode];
  const promptRequired = rules?.promptRequired ?? model.promptRequired;
  if (promptRequired && request.prompt.trim() === '') {
    issues.push({
      field: 'prompt',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} needs a prompt: describe the shot.`,
    });
  }
  if (model.maxPromptLength !== undefined && request.prompt.length > model.maxPromptLength) {
    issues.push({
      field: 'prompt',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `The prompt is ${request.prompt.length} characters; ${name} takes at most ${model.maxPromptLength}.`,
    });
  }
  const durations = durationRuleFor(model, request.mode);
  if (!durationAllowed(durations, request.durationSeconds)) {
    issues.push({
      field: 'duration',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} makes clips of ${describeDurations(durations)} in ${modeLabels[request.mode]}; this shot asks for ${request.durationSeconds} s.`,
    });
  }
  const ratios = ratiosFor(model, request.mode);
  if (durations.kind !== 'fromSource' && !ratios.includes(request.ratio)) {
    issues.push({
      field: 'ratio',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} does not make ${request.ratio} video in ${modeLabels[request.mode]}; it offers ${ratios.join(', ')}.`,
    });
  }
  if (request.audio && model.audio === 'none') {
    issues.push({
      field: 'audio',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} makes silent clips; turn the shot's audio off or choose a model with sound.`,
    });
  }
  if (!request.audio && model.audio === 'always')
    warnings.push(`${name} always generates sound; you can mute it on the timeline.`);
  if (request.referenceCount > model.maxReferences) {
    issues.push({
      field: 'references',
      code: 'CAPABILITY_UNSUPPORTED',
      message:
        model.maxReferences === 0
          ? `${name} takes no reference images; remove the shot's ${request.referenceCount} reference(s) or choose another model.`
          : `${name} takes at most ${model.maxReferences} reference images; this shot has ${request.referenceCount}.`,
    });
  }
  if (
    request.resolution !== undefined &&
    model.resolutions &&
    !model.resolutions.includes(request.resolution)
  ) {
    issues.push({
      field: 'resolution',
      code: 'CAPABILITY_UNSUPPORTED',
      message: `${name} offers ${model.resolutions.join(', ')}, not ${request.resolution}.`,
    });
  }
  return { model, issues, warnings };
}

/** Whether the shot holds what its mode needs. */
function inputIssues(request: CapabilityRequest, name: string): CapabilityIssue[] {
  const issue = (field: CapabilityIssue['field'], message: string): CapabilityIssue => ({
    field,
    code: 'CAPABILITY_UNSUPPORTED',
    message,
  });
  switch (request.mode) {
    case 'imageToVideo':
      return request.hasFirst
        ? []
        : [issue('keyframes', `Image → video with ${name} needs a first keyframe.`)];
    case 'firstLastFrame':
      return request.hasFirst && request.hasLast
        ? []
        : [issue('keyframes', `First + last keyframes with ${name} need both a first and a last keyframe.`)];
    case 'middleKeyframe':
      return request.hasMiddle ? [] : [issue('keyframes', 'A middle-keyframe shot needs a middle keyframe.')];
    case 'referenceImages':
      return request.referenceCount > 0
        ? []
        : [issue('references', `${name} with reference images needs at least one.`)];
    case 'videoToVideo':
    case 'extend':
    case 'remix':
      return request.hasSourceVideo
        ? []
        : [issue('sourceVideo', `${modeLabels[request.mode]} needs a source video.`)];
    case 'textToVideo':
      return [];
  }
}

/** Throws the first problem as an AppError (all of them in the detail); returns the model and warnings. */
export function assertSupported(request: CapabilityRequest): { model: CatalogModel; warnings: string[] } {
  const report = checkAgainstCatalog(request);
  const first = report.issues[0];
  if (first || !report.model) {
    throw new AppError(
      first?.code ?? 'CAPABILITY_UNSUPPORTED',
      first?.message ?? 'This model cannot make this shot.',
      report.issues.map((entry) => `${entry.field}: ${entry.message}`).join('\n'),
    );
  }
  return { model: report.model, warnings: report.warnings };
}
