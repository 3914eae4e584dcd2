import { AppError } from '../../../common/contract';
import { defaultModelRef, inferMode, isProviderId } from '../../../common/catalog';
import type { Asset, GenerationMode, Project, Shot, TakeRecipe } from '../../../common/model';
import type { GenerationOptions, GenerationRequest, LocalMedia } from '../../providers/types';

const mimeByCodec: Record<string, string> = {
  png: 'image/png',
  mjpeg: 'image/jpeg',
  webp: 'image/webp',
  bmp: 'image/bmp',
  h264: 'video/mp4',
  hevc: 'video/mp4',
  prores: 'video/quicktime',
};

function mimeOf(asset: Asset): string {
  const codec = asset.media.video?.codec ?? '';
  if (mimeByCodec[codec]) return mimeByCodec[codec];
  const extension = /\.([a-z0-9]+)$/i.exec(asset.path)?.[1]?.toLowerCase() ?? '';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'png' || extension === 'webp') return `image/${extension}`;
  if (extension === 'mov') return 'video/quicktime';
  if (asset.kind === 'audio') return 'audio/mpeg';
  return asset.kind === 'image' ? 'image/png' : 'video/mp4';
}

function localMedia(
  project: Project,
  resolvePath: (stored: string) => string,
  assetId: string | null,
  role: string,
): LocalMedia | null {
  if (assetId === null) return null;
  const asset = project.assets[assetId];
  if (!asset)
    throw new AppError('NOT_FOUND', `The ${role} of this shot refers to a missing asset (${assetId}).`);
  const duration = asset.media.duration.num / asset.media.duration.den;
  return {
    path: resolvePath(asset.path),
    kind: asset.kind,
    mimeType: mimeOf(asset),
    sizeBytes: asset.media.sizeBytes,
    ...(asset.media.video ? { width: asset.media.video.width, height: asset.media.video.height } : {}),
    ...(asset.kind !== 'image' && duration > 0 ? { durationSeconds: duration } : {}),
  };
}

export interface RunChoice {
  provider?: string | undefined;
  model?: string | undefined;
  mode?: GenerationMode | undefined;
  options?: GenerationOptions | undefined;
}

/** The shot as one provider call: its recipe with every asset resolved to a file on this machine. */
export function resolveRequest(
  project: Project,
  resolvePath: (stored: string) => string,
  shot: Shot,
  choice: RunChoice = {},
): GenerationRequest {
  const provider = choice.provider ?? shot.model.provider ?? defaultModelRef.provider;
  if (!isProviderId(provider))
    throw new AppError('CAPABILITY_UNSUPPORTED', `There is no provider named "${provider}".`);
  const model =
    choice.model ?? (choice.provider && choice.provider !== shot.model.provider ? '' : shot.model.model);
  if (!model) throw new AppError('BAD_REQUEST', `Choose a ${provider} model for this shot.`);
  const references = shot.referenceIds.map((referenceId) => {
    const reference = project.references[referenceId];
    if (!reference)
      throw new AppError('NOT_FOUND', `The shot refers to a missing reference (${referenceId}).`);
    const file = localMedia(project, resolvePath, reference.assetId, `reference "${reference.name}"`);
    return { name: reference.name, file: file as LocalMedia };
  });
  const mode =
    choice.mode ??
    inferMode({
      first: shot.keyframes.first !== null,
      middle: shot.keyframes.middle !== null,
      last: shot.keyframes.last !== null,
      references: references.length,
      sourceVideo: shot.sourceVideoAssetId !== null,
    });
  return {
    provider,
    model,
    mode,
    prompt: shot.prompt,
    negativePrompt: shot.negativePrompt,
    cameraDirection: shot.cameraDirection,
    keyframes: {
      first: localMedia(project, resolvePath, shot.keyframes.first, 'first keyframe'),
      middle: localMedia(project, resolvePath, shot.keyframes.middle, 'middle keyframe'),
      last: localMedia(project, resolvePath, shot.keyframes.last, 'last keyframe'),
    },
    references,
    sourceVideo: localMedia(project, resolvePath, shot.sourceVideoAssetId, 'source video'),
    durationSeconds: shot.durationSeconds,
    ratio: shot.ratio,
    seed: shot.seed,
    audio: shot.audio,
    rate: project.settings.defaultRate,
    options: choice.options ?? {},
  };
}

/** The recipe a take records: what was sent, by asset id (for diffs and regeneration). */
export function recipeOf(shot: Shot): TakeRecipe {
  return {
    prompt: shot.prompt,
    negativePrompt: shot.negativePrompt,
    cameraDirection: shot.cameraDirection,
    keyframes: { ...shot.keyframes },
    referenceIds: [...shot.referenceIds],
    sourceVideoAssetId: shot.sourceVideoAssetId,
    durationSeconds: shot.durationSeconds,
    ratio: shot.ratio,
    seed: shot.seed,
    audio: shot.audio,
  };
}

/** Whether the shot changed since a take was made (moderation retries need an edit first). */
export function recipeChanged(shot: Shot, recipe: TakeRecipe): boolean {
  return JSON.stringify(recipeOf(shot)) !== JSON.stringify(recipe);
}
