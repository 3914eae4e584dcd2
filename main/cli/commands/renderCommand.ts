import { resolve } from 'node:path';
import { AppError } from '../../../common/contract';
import type { CliCommand } from '../cliCommand';
import { printResult, usageError } from '../output';
import { progressReporter } from '../progressBar';
import { openProjectArgument, pickSequence } from '../projectArgs';
import { unwrap } from '../unwrap';

interface Finished {
  jobId: string;
  ok: boolean;
  outputPath?: string;
  error?: { code: string; message: string; detail?: string };
}

/** "120-240" (frames) or "00:00:05:00-00:00:10:00"-free: frames only, end exclusive. */
function parseRange(text: string | undefined): { startFrame: number; endFrame: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(text);
  if (!match || Number(match[2]) <= Number(match[1]))
    throw usageError('--range is START-END in frames (end exclusive), e.g. 0-240.');
  return { startFrame: Number(match[1]), endFrame: Number(match[2]) };
}

export const renderCommand: CliCommand = {
  name: 'render',
  usage: 'render <project> -o <file> [--sequence ID|NAME] [--preset ID] [--range START-END] [--force-encode]',
  summary: 'export a finished cut with FFmpeg (smart copy where possible), verified before it is handed over',
  options: {
    output: { type: 'string', short: 'o' },
    sequence: { type: 'string' },
    preset: { type: 'string', default: 'h264-1080p' },
    range: { type: 'string' },
    'force-encode': { type: 'boolean', default: false },
  },
  async run({ core, io, positionals, values }) {
    if (typeof values.output !== 'string') throw usageError('-o <file> names the file to write.');
    const project = await openProjectArgument(core, positionals[0]);
    const sequence = pickSequence(project.document, values.sequence as string | undefined);
    const range = parseRange(values.range as string | undefined);
    const progress = progressReporter(io);
    let finish: (value: Finished) => void = () => undefined;
    const finished = new Promise<Finished>((resolveFinished) => (finish = resolveFinished));
    let jobId: string | null = null;
    const early: Finished[] = [];
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event === 'render:progressed') {
        const update = payload as {
          jobId: string;
          fraction: number;
          etaSeconds: number | null;
          stage: string;
        };
        if (update.jobId === jobId) progress.update(update.fraction, update.stage, update.etaSeconds);
      } else if (event === 'render:finished') {
        const end = payload as Finished;
        if (jobId === null) early.push(end);
        else if (end.jobId === jobId) finish(end);
      }
    });
    const onSignal = (): void => {
      if (jobId) void core.invoke('render:cancel', { jobId }, { host: 'cli' });
    };
    process.once('SIGINT', onSignal);
    try {
      const started = unwrap(
        await core.invoke(
          'render:start',
          {
            sequenceId: sequence.id,
            presetId: values.preset,
            ...(range ? { range } : {}),
            smart: values['force-encode'] ? 'forceEncode' : 'auto',
            output: { kind: 'path', path: resolve(values.output) },
          },
          { host: 'cli' },
        ),
      ) as { jobId: string; outputPath: string };
      jobId = started.jobId;
      const already = early.find((end) => end.jobId === jobId);
      if (already) finish(already);
      const end = await finished;
      progress.done();
      if (!end.ok)
        throw new AppError(
          (end.error?.code ?? 'INTERNAL') as never,
          end.error?.message ?? 'The export failed.',
          end.error?.detail,
        );
      printResult(
        io,
        { jobId: end.jobId, outputPath: end.outputPath, sequenceId: sequence.id },
        () => `Exported "${sequence.name}" to ${end.outputPath}.`,
      );
      return 0;
    } finally {
      process.removeListener('SIGINT', onSignal);
      unsubscribe();
    }
  },
};
