import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import type { GenerationEstimate, ShotEstimate } from '../../../common/contract/channels/generate';
import type { JobState, JobSummary } from '../../../common/contract/channels/job';
import { checkAgainstCatalog, type ProviderId } from '../../../common/catalog';
import { newId, type Project, type Shot, type Take, type TakeStatus } from '../../../common/model';
import { capabilityRequestOf, estimateFromCatalog } from '../../providers/capability';
import type { ProviderRegistry } from '../../providers/registry';
import type { CostEstimate, GenerationRequest } from '../../providers/types';
import type { JobEngine, TakeImporter } from '../jobs/jobEngine';
import type { JobRecord } from '../jobs/jobRecord';
import type { OpenProject, ProjectAccess } from '../project/projectAccess';
import { recipeChanged, recipeOf, resolveRequest, type RunChoice } from './resolveRequest';

/** What the generation service needs from the media service (import a file, grab a frame). */
export interface TakeMedia {
  addFile(
    path: string,
    name: string,
    origin: { kind: 'generated'; shotId: string; takeId: string },
  ): Promise<{ id: string }>;
  grabFrame(assetId: string, choice: 'last'): Promise<{ id: string }>;
}

export interface StartRequest extends RunChoice {
  shotId: string;
  takes: number;
}

const takeStatusOf: Record<JobState, TakeStatus> = {
  queued: 'queued',
  submitting: 'queued',
  running: 'running',
  downloading: 'running',
  importing: 'running',
  awaitingProject: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  uncertain: 'uncertain',
};

/**
 * Shots → jobs → takes. Starting a generation validates the shot against the catalog, checks the
 * project budget against the ledger and the jobs in flight, records queued takes in the project,
 * and hands one job per take to the engine. As jobs move, their takes follow; a finished output
 * becomes an asset with full provenance, a ledger entry and (through the media service) an exact
 * last-frame still.
 */
export class GenerationService implements TakeImporter {
  private engine: JobEngine | null = null;

  constructor(
    private readonly projects: ProjectAccess,
    private readonly registry: ProviderRegistry,
    private readonly media: TakeMedia,
  ) {}

  attach(engine: JobEngine): void {
    this.engine = engine;
  }

  // estimates and budget -----------------------------------------------------------------------

  estimate(request: {
    shotIds: string[];
    takes: number;
    provider?: string | undefined;
    model?: string | undefined;
  }): GenerationEstimate {
    const project = this.projects.current();
    const items: ShotEstimate[] = request.shotIds.map((shotId) =>
      this.estimateShot(project, shotId, request),
    );
    const known = items.filter((item) => item.cents !== null && item.issues.length === 0);
    const totalCents = round(known.reduce((sum, item) => sum + (item.cents ?? 0), 0));
    const budgetCents = project.document.settings.budgetCents;
    const committedCents = this.committedCents(project);
    const remainingCents = budgetCents === null ? null : round(budgetCents - committedCents - totalCents);
    return {
      items,
      totalCents,
      unknownCount: items.filter((item) => item.cents === null).length,
      budgetCents,
      committedCents,
      remainingCents,
      withinBudget: remainingCents === null || remainingCents >= 0,
    };
  }

  /** Ledger (actual cost, else estimate) plus the jobs of this project still in flight. */
  committedCents(project: OpenProject): number {
    const ledger = project.document.ledger.reduce(
      (sum, entry) => sum + (entry.actualCents ?? entry.estimatedCents ?? 0),
      0,
    );
    const inFlight = (this.engine?.list() ?? [])
      .filter(
        (job) =>
          job.projectFolder === project.folder &&
          !['succeeded', 'failed', 'cancelled', 'uncertain'].includes(job.state),
      )
      .reduce((sum, job) => sum + (job.actualCostCents ?? job.estimatedCostCents ?? 0), 0);
    return round(ledger + inFlight);
  }

  // start, retry --------------------------------------------------------------------------------

  async start(request: StartRequest): Promise<{ jobIds: string[]; takeIds: string[]; warnings: string[] }> {
    const engine = this.requireEngine();
    const project = this.projects.current();
    const shot = this.shotOf(project, request.shotId);
    const generation = resolveRequest(project.document, project.resolvePath, shot, request);
    const report = checkAgainstCatalog(capabilityRequestOf(generation));
    const issue = report.issues[0];
    if (issue) {
      throw new AppError(issue.code, issue.message, report.issues.map((entry) => entry.message).join('\n'));
    }
    const adapter = this.registry.get(generation.provider);
    adapter.validate(generation);
    const estimate = adapter.estimateCost(generation);
    const warnings = [...report.warnings];
    this.checkBudget(project, estimate, request.takes, warnings);

    const now = new Date().toISOString();
    const planned = Array.from({ length: request.takes }, () => ({
      takeId: newId('take'),
      jobId: newId('job'),
    }));
    project.update(
      (document) => addQueuedTakes(document, shot, generation, planned, estimate.cents, now),
      request.takes === 1 ? 'Generate take' : `Generate ${request.takes} takes`,
    );
    // Journaled together (one grouped fsync), then each runs on its own.
    await Promise.all(
      planned.map(({ takeId, jobId }) =>
        engine.submit({
          id: jobId,
          request: generation,
          shotId: shot.id,
          takeId,
          projectFolder: project.folder,
          estimatedCostCents: estimate.cents,
        }),
      ),
    );
    return {
      jobIds: planned.map((entry) => entry.jobId),
      takeIds: planned.map((entry) => entry.takeId),
      warnings,
    };
  }

  /** A new job (and take) from a failed, cancelled or uncertain one, from the shot as it is now. */
  async retry(jobId: string, confirmUncertain: boolean): Promise<JobSummary> {
    const engine = this.requireEngine();
    const job = engine.get(jobId);
    if (!['failed', 'cancelled', 'uncertain'].includes(job.state)) {
      throw new AppError(
        'CONFLICT',
        `Only a failed, cancelled or uncertain job can be retried; this one is ${job.state}.`,
      );
    }
    if (job.state === 'uncertain' && !confirmUncertain) {
      throw new AppError(
        'CONFLICT',
        'The first request may have started a task that will be charged. Check the provider, then confirm to generate again.',
      );
    }
    const project = this.projects.current();
    if (project.folder !== job.projectFolder)
      throw new AppError('CONFLICT', 'Open the project this job belongs to first.');
    const shot = this.shotOf(project, job.shotId);
    const take = project.document.takes[job.takeId];
    if (job.error?.moderation && (!take || !recipeChanged(shot, take.recipe))) {
      throw new AppError(
        'PROVIDER_MODERATION',
        'The provider rejected this shot for its content. Edit the prompt or images before generating again.',
      );
    }
    const started = await this.start({
      shotId: shot.id,
      takes: 1,
      provider: job.provider,
      model: job.model,
      mode: job.request.mode,
      options: job.request.options,
    });
    const newJobId = started.jobIds[0];
    if (!newJobId) throw new AppError('INTERNAL', 'The retry did not start a job.');
    return engine.list().find((entry) => entry.id === newJobId) as JobSummary;
  }

  // TakeImporter ---------------------------------------------------------------------------------

  jobChanged(job: JobSummary): void {
    const project = this.projects.currentOrNull();
    if (!project || project.folder !== job.projectFolder) return;
    const take = project.document.takes[job.takeId];
    if (!take) return;
    const status = job.state === 'succeeded' ? take.status : takeStatusOf[job.state];
    const error = job.error
      ? {
          code: job.error.code,
          message: job.error.message,
          ...(job.error.detail ? { detail: job.error.detail } : {}),
        }
      : null;
    const terminalFailure = job.state === 'failed' || job.state === 'cancelled' || job.state === 'uncertain';
    const next: Take = {
      ...take,
      status,
      taskId: job.taskId,
      estimatedCostCents: job.estimatedCostCents,
      ...(terminalFailure ? { error, finishedAt: job.finishedAt, actualCostCents: job.actualCostCents } : {}),
    };
    if (JSON.stringify(next) === JSON.stringify(take)) return;
    project.update((document) => {
      const updated = { ...document, takes: { ...document.takes, [take.id]: next } };
      // A failed task the provider charged for still counts against the budget.
      if (
        terminalFailure &&
        job.actualCostCents &&
        !document.ledger.some((entry) => entry.takeId === take.id)
      ) {
        updated.ledger = [...document.ledger, ledgerEntry(job, take.id, job.actualCostCents)];
      }
      return updated;
    }, `Take ${status}`);
  }

  stagingFolder(job: JobSummary): string {
    return join(job.projectFolder, 'cache', 'incoming');
  }

  async importOutput(job: JobRecord, file: string): Promise<{ assetId: string } | null> {
    const project = this.projects.currentOrNull();
    if (!project || project.folder !== job.projectFolder) return null;
    const shot = project.document.shots[job.shotId];
    const take = project.document.takes[job.takeId];
    const number = shot ? shot.takeIds.indexOf(job.takeId) + 1 : 0;
    const name = `${shot?.name || 'Shot'} – take ${number > 0 ? number : 1} (${job.provider} ${job.model}).mp4`;
    const asset = await this.media.addFile(file, name, {
      kind: 'generated',
      shotId: job.shotId,
      takeId: job.takeId,
    });
    const finishedAt = new Date().toISOString();
    project.update((document) => {
      const current = document.takes[job.takeId] ?? take;
      const next = { ...document };
      if (current) {
        next.takes = {
          ...document.takes,
          [job.takeId]: {
            ...current,
            status: 'succeeded',
            taskId: job.taskId,
            outputAssetId: asset.id,
            estimatedCostCents: job.estimatedCostCents,
            actualCostCents: job.actualCostCents,
            finishedAt,
            error: null,
          },
        };
      }
      const owner = document.shots[job.shotId];
      if (owner && owner.selectedTakeId === null) {
        next.shots = { ...document.shots, [owner.id]: { ...owner, selectedTakeId: job.takeId } };
      }
      if (!document.ledger.some((entry) => entry.takeId === job.takeId)) {
        next.ledger = [...document.ledger, ledgerEntry(job, job.takeId, job.actualCostCents)];
      }
      return next;
    }, 'Take arrived');
    await this.grabLastFrame(project, job.takeId, asset.id);
    return { assetId: asset.id };
  }

  // helpers ---------------------------------------------------------------------------------------

  private async grabLastFrame(project: OpenProject, takeId: string, assetId: string): Promise<void> {
    try {
      const still = await this.media.grabFrame(assetId, 'last');
      project.update((document) => {
        const take = document.takes[takeId];
        if (!take) return document;
        return {
          ...document,
          takes: { ...document.takes, [takeId]: { ...take, lastFrameAssetId: still.id } },
        };
      }, 'Last frame of take');
    } catch {
      // The take is fine without its last-frame still; "continue from last frame" makes it on demand.
    }
  }

  private estimateShot(
    project: OpenProject,
    shotId: string,
    request: { takes: number; provider?: string | undefined; model?: string | undefined },
  ): ShotEstimate {
    const shot = project.document.shots[shotId];
    const base = { shotId, takes: request.takes, warnings: [] as string[] };
    if (!shot) {
      return {
        ...base,
        provider: request.provider ?? '',
        model: request.model ?? '',
        mode: '',
        cents: null,
        basis: 'unknown',
        note: '',
        issues: [`There is no shot ${shotId}.`],
      };
    }
    let generation: GenerationRequest;
    try {
      generation = resolveRequest(project.document, project.resolvePath, shot, request);
    } catch (error) {
      return {
        ...base,
        provider: request.provider ?? shot.model.provider,
        model: request.model ?? shot.model.model,
        mode: '',
        cents: null,
        basis: 'unknown',
        note: '',
        issues: [error instanceof Error ? error.message : String(error)],
      };
    }
    const report = checkAgainstCatalog(capabilityRequestOf(generation));
    const estimate: CostEstimate = this.registry.has(generation.provider)
      ? this.registry.get(generation.provider).estimateCost(generation)
      : estimateFromCatalog(generation);
    return {
      ...base,
      provider: generation.provider,
      model: generation.model,
      mode: generation.mode,
      cents: estimate.cents === null ? null : round(estimate.cents * request.takes),
      basis: estimate.basis,
      note: estimate.note,
      issues: report.issues.map((issue) => issue.message),
      warnings: report.warnings,
    };
  }

  private checkBudget(project: OpenProject, estimate: CostEstimate, takes: number, warnings: string[]): void {
    const budget = project.document.settings.budgetCents;
    if (budget === null) return;
    if (estimate.cents === null) {
      warnings.push('The price of this model is unknown, so the project budget cannot account for it.');
      return;
    }
    const committed = this.committedCents(project);
    const cost = estimate.cents * takes;
    if (committed + cost > budget) {
      throw new AppError(
        'BUDGET_EXCEEDED',
        `This would pass the project budget: ${formatCents(committed)} spent or in flight + ${formatCents(cost)} for ${takes} take(s) > ${formatCents(budget)}. Raise the budget or generate fewer takes.`,
      );
    }
  }

  private shotOf(project: OpenProject, shotId: string): Shot {
    const shot = project.document.shots[shotId];
    if (!shot) throw new AppError('NOT_FOUND', `There is no shot ${shotId} in the open project.`);
    return shot;
  }

  private requireEngine(): JobEngine {
    if (!this.engine) throw new AppError('INTERNAL', 'The job engine is not running.');
    return this.engine;
  }
}

function addQueuedTakes(
  document: Project,
  shot: Shot,
  request: GenerationRequest,
  planned: Array<{ takeId: string; jobId: string }>,
  estimatedCents: number | null,
  now: string,
): Project {
  const takes = { ...document.takes };
  for (const { takeId, jobId } of planned) {
    takes[takeId] = {
      id: takeId,
      shotId: shot.id,
      provider: request.provider,
      model: request.model,
      mode: request.mode,
      status: 'queued',
      jobId,
      taskId: null,
      recipe: recipeOf(shot),
      estimatedCostCents: estimatedCents,
      actualCostCents: null,
      createdAt: now,
      finishedAt: null,
      outputAssetId: null,
      lastFrameAssetId: null,
      error: null,
    };
  }
  const current = document.shots[shot.id] ?? shot;
  return {
    ...document,
    takes,
    shots: {
      ...document.shots,
      [shot.id]: { ...current, takeIds: [...current.takeIds, ...planned.map((entry) => entry.takeId)] },
    },
  };
}

function ledgerEntry(job: JobSummary, takeId: string, actualCents: number | null) {
  return {
    id: newId('led'),
    takeId,
    shotId: job.shotId,
    provider: job.provider as ProviderId,
    model: job.model,
    estimatedCents: job.estimatedCostCents,
    actualCents,
    at: new Date().toISOString(),
  };
}

function round(cents: number): number {
  return Math.round(cents * 100) / 100;
}

function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
