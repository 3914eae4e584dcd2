import type { CliCommand } from '../cliCommand';
import { demoCommand } from './demoCommand';
import { exportCommand } from './exportCommand';
import { generateCommand } from './generateCommand';
import { importCommand } from './importCommand';
import { infoCommand } from './infoCommand';
import { newCommand } from './newCommand';
import { renderCommand } from './renderCommand';
import { serveCommand } from './serveCommand';

/** Every command, in the order `shotloom --help` lists them. */
export const cliCommands: CliCommand[] = [
  infoCommand,
  newCommand,
  importCommand,
  generateCommand,
  renderCommand,
  exportCommand,
  serveCommand,
  demoCommand,
];
