import { resolve } from 'node:path';
import { parseRational } from '../../../common/time/rational';
import type { CliCommand } from '../cliCommand';
import { printResult, usageError } from '../output';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new <dir> [--name NAME] [--rate 24|25|30000/1001] [--size 1920x1080]',
  summary: 'create a project folder (project.shotloom, media/, cache/, exports/)',
  options: { name: { type: 'string' }, rate: { type: 'string' }, size: { type: 'string' } },
  async run({ core, io, positionals, values }) {
    const folder = positionals[0];
    if (!folder) throw usageError('Name the folder for the new project.');
    const rate = values.rate === undefined ? undefined : parseRational(String(values.rate));
    if (rate === null || (rate && rate.num <= 0))
      throw usageError(`--rate ${String(values.rate)} is not a frame rate (24, 25, 30000/1001 …).`);
    const size = values.size === undefined ? null : /^(\d+)x(\d+)$/.exec(String(values.size));
    if (values.size !== undefined && !size) throw usageError('--size is WIDTHxHEIGHT, e.g. 1920x1080.');
    const name =
      typeof values.name === 'string' ? values.name : resolve(folder).split(/[\\/]/).pop() || 'Untitled';
    const result = await core.projects.create(resolve(folder), {
      name,
      ...(rate ? { rate } : {}),
      ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
    });
    await core.projects.close(false);
    printResult(
      io,
      { folder: result.snapshot.folder, projectId: result.snapshot.document.id },
      () => `Created project "${name}" in ${result.snapshot.folder}.`,
    );
    return 0;
  },
};
