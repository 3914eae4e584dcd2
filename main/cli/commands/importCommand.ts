import { resolve } from 'node:path';
import type { ImportResult } from '../../../common/contract/channels/media';
import type { CliCommand } from '../cliCommand';
import { printResult, usageError } from '../output';
import { progressReporter } from '../progressBar';
import { openProjectArgument } from '../projectArgs';
import { unwrap } from '../unwrap';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <project> <files or folders…> [--copy]',
  summary:
    'probe and add media files, or the media files of folders, to the project (linked in place; --copy copies into media/)',
  options: { copy: { type: 'boolean', default: false } },
  async run({ core, io, positionals, values }) {
    const [projectPath, ...files] = positionals;
    if (files.length === 0) throw usageError('Name at least one file or folder to import.');
    await openProjectArgument(core, projectPath);
    const progress = progressReporter(io);
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event !== 'media:importProgressed') return;
      const { done, total, name } = payload as { done: number; total: number; name: string | null };
      progress.update(total > 0 ? done / total : null, name ? `imported ${name}` : 'probing');
    });
    let result: ImportResult;
    try {
      result = unwrap(
        await core.invoke(
          'media:import',
          {
            source: { kind: 'paths', paths: files.map((file) => resolve(file)) },
            storage: values.copy ? 'copy' : 'link',
          },
          { host: 'cli' },
        ),
      ) as ImportResult;
    } finally {
      unsubscribe();
      progress.done();
    }
    await core.projects.save();
    printResult(io, result, () =>
      [
        `Imported ${result.imported.filter((file) => !file.duplicate).length} file(s)` +
          (result.imported.some((file) => file.duplicate)
            ? `, ${result.imported.filter((file) => file.duplicate).length} already in the project`
            : '') +
          '.',
        ...result.failed.map(
          (failure) => `  failed: ${failure.name}: [${failure.error.code}] ${failure.error.message}`,
        ),
      ].join('\n'),
    );
    return result.failed.length > 0 ? 2 : 0;
  },
};
