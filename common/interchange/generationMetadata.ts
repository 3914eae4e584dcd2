import type { Clip } from '../model/schema/sequence';
import type { Project } from '../model/schema/project';

/** What a clip's take says about how it was made: provider, model, prompt, seed, task id, cost. */
export function generationMetadata(project: Project, clip: Clip): Record<string, unknown> {
  const asset = project.assets[clip.assetId];
  const takeId = asset?.origin.kind === 'generated' ? asset.origin.takeId : null;
  const take = takeId ? project.takes[takeId] : undefined;
  const shot = clip.shotId ? project.shots[clip.shotId] : take ? project.shots[take.shotId] : undefined;
  const metadata: Record<string, unknown> = { clipId: clip.id, assetId: clip.assetId };
  if (shot) Object.assign(metadata, { shotId: shot.id, shotName: shot.name });
  if (take) {
    Object.assign(metadata, {
      takeId: take.id,
      provider: take.provider,
      model: take.model,
      prompt: take.recipe.prompt,
      negativePrompt: take.recipe.negativePrompt,
      cameraDirection: take.recipe.cameraDirection,
      seed: take.recipe.seed,
      taskId: take.taskId,
      costCents: take.actualCostCents ?? take.estimatedCostCents,
      generatedAt: take.finishedAt ?? take.createdAt,
    });
  }
  return metadata;
}

/** The other finished takes of the clip's shot: alternates / auditions in NLE terms. */
export function alternateTakeAssets(
  project: Project,
  clip: Clip,
): Array<{ takeId: string; assetId: string }> {
  const shot = clip.shotId ? project.shots[clip.shotId] : undefined;
  if (!shot) return [];
  return shot.takeIds
    .map((takeId) => project.takes[takeId])
    .filter(
      (take) =>
        take !== undefined &&
        take.status === 'succeeded' &&
        take.outputAssetId !== null &&
        take.outputAssetId !== clip.assetId,
    )
    .map((take) => ({ takeId: take!.id, assetId: take!.outputAssetId! }));
}
