import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../core/createCore';
import type { CliIo } from './output';

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One `shotloom <name>` command: its help, its options, and what it does. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(context: {
    core: Core;
    io: CliIo;
    positionals: string[];
    values: OptionValues;
    rendererDir: string;
  }): Promise<number>;
}
