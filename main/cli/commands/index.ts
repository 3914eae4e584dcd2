import type { CliCommand } from '../cliCommand';
import { exportCommand } from './exportCommand';
import { infoCommand } from './infoCommand';
import { serveCommand } from './serveCommand';

/** Every command, in the order `shotloom --help` lists them. */
export const cliCommands: CliCommand[] = [infoCommand, exportCommand, serveCommand];
