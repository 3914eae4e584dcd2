import type { Project } from '../model';
import type { PlacedClip } from './flatten';
import type { ShotProvenance } from './renderPlan';

/** Each clip used, with the generation that made its media (provider, model, prompt, seed, task, cost). */
export function provenanceOf(project: Project, clips: PlacedClip[]): ShotProvenance[] {
  return clips.map(({ clip, asset }) => {
    const origin = asset.origin;
    const takeId = origin.kind === 'generated' ? origin.takeId : null;
    const take = takeId ? project.takes[takeId] : undefined;
    const shotId = take?.shotId ?? (origin.kind === 'generated' ? origin.shotId : clip.shotId);
    const shot = shotId ? project.shots[shotId] : undefined;
    return {
      clipId: clip.id,
      assetId: asset.id,
      shotId: shotId ?? null,
      shotName: shot?.name ?? null,
      takeId: take?.id ?? null,
      provider: take?.provider ?? null,
      model: take?.model ?? null,
      prompt: take?.recipe.prompt ?? shot?.prompt ?? null,
      seed: take?.recipe.seed ?? null,
      taskId: take?.taskId ?? null,
      costCents: take?.actualCostCents ?? take?.estimatedCostCents ?? null,
    };
  });
}

export function metadataFor(project: Project, sequenceName: string, provenance: ShotProvenance[]) {
  const generated = provenance.some((entry) => entry.takeId !== null);
  return {
    title: `${project.name} - ${sequenceName}`,
    comment: generated ? 'Contains AI-generated content. Made with Shotloom.' : 'Made with Shotloom.',
  };
}
