import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/createCore';
import { defaultDataDir } from '../core/dataDir';
import { infoCommand } from './commands/info';
import { defaultRendererDir, serveCommand } from './commands/serve';
import { exitCodes } from './exitCodes';
import { printError, usageError, type CliIo } from './output';

const help = `Usage: shotloom <command> [options]

Commands:
  info                     versions, platform, and the ffmpeg/ffprobe in use
  serve [--port N]         the browser host on 127.0.0.1 (random port by default)

Options:
  --json                   machine-readable output
  --help                   this text

Exit codes: 0 ok, 1 internal error, 2 bad input, 3 provider failure, 130 cancelled.
`;

export async function runCli(argv: string[], io: Omit<CliIo, 'json'>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    return printError({ ...io, json: argv.includes('--json') }, usageError((error as Error).message));
  }
  const cli: CliIo = { ...io, json: parsed.values.json ?? false };
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.stdout.write(help);
    return command || parsed.values.help ? exitCodes.ok : exitCodes.badInput;
  }
  try {
    const core = await createCore({ host: 'cli', dataDir: defaultDataDir() });
    try {
      switch (command) {
        case 'info':
          return await infoCommand(core, cli);
        case 'serve':
          return await serveCommand(core, cli, {
            port: parsed.values.port,
            rendererDir: defaultRendererDir(dirname(fileURLToPath(import.meta.url))),
          });
        default:
          throw usageError(`Unknown command "${command}". Run "shotloom --help" for the list.`);
      }
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
