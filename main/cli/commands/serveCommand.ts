import type { CliCommand } from '../cliCommand';
import { serveCommand as runServe } from './serve';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'the browser host on 127.0.0.1 (random port by default), with a per-launch token',
  options: { port: { type: 'string' } },
  run: ({ core, io, values, rendererDir }) =>
    runServe(core, io, { port: values.port as string | undefined, rendererDir }),
};
