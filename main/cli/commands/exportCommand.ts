import { resolve } from 'node:path';
import { interchangeFormatSchema } from '../../../common/contract/channels/interchange';
import { exportInterchange } from '../../services/interchange/exportInterchange';
import type { CliCommand } from '../cliCommand';
import { printResult, usageError } from '../output';
import { openProjectArgument, pickSequence } from '../projectArgs';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export <project> --format otio|fcpxml|edl -o <file> [--sequence ID|NAME] [--relative]',
  summary: 'write a sequence as OpenTimelineIO, FCPXML 1.10 or a CMX 3600 EDL',
  options: {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    sequence: { type: 'string' },
    relative: { type: 'boolean', default: false },
  },
  async run({ core, io, positionals, values }) {
    const format = interchangeFormatSchema.safeParse(values.format);
    if (!format.success) throw usageError('--format must be otio, fcpxml or edl.');
    if (typeof values.output !== 'string') throw usageError('-o <file> names the file to write.');
    const project = await openProjectArgument(core, positionals[0]);
    const sequence = pickSequence(project.document, values.sequence as string | undefined);
    const result = await exportInterchange(project, {
      sequenceId: sequence.id,
      format: format.data,
      mediaPaths: values.relative ? 'relative' : 'absolute',
      outputPath: resolve(values.output),
    });
    printResult(io, result, () =>
      [
        `Wrote ${result.outputPath} (${format.data}, ${result.bytes} bytes) from "${sequence.name}".`,
        ...result.notCarried.map((line) => `  not carried: ${line}`),
      ].join('\n'),
    );
    return 0;
  },
};
