import type { GenerationEstimate } from '../../../common/contract/channels/generate';
import type { JobSummary } from '../../../common/contract/channels/job';
import { AppError } from '../../../common/contract';
import type { CliCommand } from '../cliCommand';
import { printResult, usageError } from '../output';
import { progressReporter } from '../progressBar';
import { openProjectArgument } from '../projectArgs';
import { unwrap } from '../unwrap';

function dollars(cents: number | null): string {
  return cents === null ? 'price unknown' : `$${(cents / 100).toFixed(2)}`;
}

export const generateCommand: CliCommand = {
  name: 'generate',
  usage: 'generate <project> [--shots ID,…] [--provider P] [--model M] [--takes N] [--dry-run]',
  summary: 'generate takes of shots (all shots by default); --dry-run prints the plan and the estimated cost',
  options: {
    shots: { type: 'string' },
    provider: { type: 'string' },
    model: { type: 'string' },
    takes: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
  },
  async run({ core, io, positionals, values }) {
    const takes = Number(values.takes);
    if (!Number.isInteger(takes) || takes < 1 || takes > 8)
      throw usageError('--takes is a whole number from 1 to 8.');
    const project = await openProjectArgument(core, positionals[0]);
    const document = project.document;
    const shotIds =
      typeof values.shots === 'string'
        ? values.shots
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : document.shotOrder;
    for (const id of shotIds)
      if (!document.shots[id])
        throw usageError(`There is no shot "${id}". Shots: ${document.shotOrder.join(', ') || '(none)'}.`);
    if (shotIds.length === 0) throw usageError('This project has no shots to generate.');
    const choice = {
      ...(typeof values.provider === 'string' ? { provider: values.provider } : {}),
      ...(typeof values.model === 'string' ? { model: values.model } : {}),
    };
    const estimate = unwrap(
      await core.invoke('generate:estimate', { shotIds, takes, ...choice }, { host: 'cli' }),
    ) as GenerationEstimate;
    const blocked = estimate.items.filter((item) => item.issues.length > 0);
    const plan = () =>
      [
        ...estimate.items.map(
          (item) =>
            `${document.shots[item.shotId]?.name ?? item.shotId}: ${item.takes}× ${item.provider}/${item.model} (${item.mode}) ${dollars(item.cents)}` +
            (item.issues.length > 0 ? `\n    cannot: ${item.issues.join('; ')}` : '') +
            (item.warnings.length > 0 ? `\n    note: ${item.warnings.join('; ')}` : ''),
        ),
        `Total: ${dollars(estimate.totalCents)}${estimate.unknownCount > 0 ? ` (+${estimate.unknownCount} shot(s) of unknown price)` : ''}` +
          (estimate.remainingCents !== null
            ? `, budget left after: ${dollars(estimate.remainingCents)}`
            : ''),
      ].join('\n');
    if (values['dry-run']) {
      printResult(io, estimate, plan);
      return blocked.length > 0 || !estimate.withinBudget ? 2 : 0;
    }
    if (blocked.length > 0)
      throw new AppError(
        'CAPABILITY_UNSUPPORTED',
        `${blocked.length} shot(s) cannot be generated as asked.`,
        plan(),
      );
    if (!estimate.withinBudget)
      throw new AppError('BUDGET_EXCEEDED', 'This batch would go past the project budget.', plan());

    const progress = progressReporter(io);
    const finished = new Map<string, JobSummary>();
    const jobIds: string[] = [];
    let wake = (): void => undefined;
    const unsubscribe = core.events.subscribe((event, payload) => {
      const job = (payload as { job: JobSummary }).job;
      if (event === 'job:finished') finished.set(job.id, job);
      if (event === 'job:progressed' || event === 'job:finished') wake();
    });
    try {
      for (const shotId of shotIds) {
        const queued = unwrap(
          await core.invoke('generate:start', { shotId, takes, ...choice }, { host: 'cli' }),
        ) as { jobIds: string[] };
        jobIds.push(...queued.jobIds);
      }
      await new Promise<void>((resolve) => {
        wake = () => {
          progress.update(
            finished.size / jobIds.length,
            `${finished.size} of ${jobIds.length} take(s) finished`,
          );
          if (jobIds.every((id) => finished.has(id))) resolve();
        };
        wake();
      });
    } finally {
      unsubscribe();
      progress.done();
    }
    await core.projects.save();
    const jobs = jobIds.map((id) => finished.get(id)!);
    const failures = jobs.filter((job) => job.state !== 'succeeded');
    printResult(io, { jobs, estimate }, () =>
      [
        `${jobs.length - failures.length} of ${jobs.length} take(s) generated.`,
        ...failures.map(
          (job) =>
            `  ${document.shots[job.shotId]?.name ?? job.shotId}: ${job.state}${job.error ? ` [${job.error.code}] ${job.error.message}` : ''}`,
        ),
      ].join('\n'),
    );
    return failures.length === 0 ? 0 : 3;
  },
};
