import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/createCore';
import { defaultDataDir } from '../core/dataDir';
import type { CliCommand } from './cliCommand';
import { cliCommands } from './commands';
import { defaultRendererDir } from './commands/serve';
import { exitCodes } from './exitCodes';
import { printError, usageError, type CliIo } from './output';

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.usage.length)) + 2;
  return [
    'Usage: shotloom <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.usage.padEnd(width)}${command.summary}`),
    '',
    'Options for every command:',
    '  --json'.padEnd(width + 2) +
      'machine-readable output: { ok, value } or { ok: false, error: { code, message } }',
    '  --help'.padEnd(width + 2) + 'this text',
    '',
    'Exit codes: 0 ok, 1 internal error, 2 bad input, 3 provider failure, 130 cancelled.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: Omit<CliIo, 'json'>): Promise<number> {
  const json = argv.includes('--json');
  const name = argv.find((arg) => !arg.startsWith('-'));
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (!name || argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(
      command ? `Usage: shotloom ${command.usage}\n  ${command.summary}\n` : helpText(cliCommands),
    );
    return name || argv.includes('--help') || argv.includes('-h') ? exitCodes.ok : exitCodes.badInput;
  }
  if (!command)
    return printError(
      { ...io, json },
      usageError(`Unknown command "${name}". Run "shotloom --help" for the list.`),
    );
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(argv.indexOf(name) + 1),
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, ...command.options },
    });
  } catch (error) {
    return printError({ ...io, json }, usageError((error as Error).message));
  }
  const cli: CliIo = { ...io, json };
  try {
    const core = await createCore({ host: 'cli', dataDir: defaultDataDir() });
    try {
      return await command.run({
        core,
        io: cli,
        positionals: parsed.positionals,
        values: parsed.values,
        rendererDir: defaultRendererDir(dirname(fileURLToPath(import.meta.url))),
      });
    } finally {
      await core.dispose();
    }
  } catch (error) {
    return printError(cli, error);
  }
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
