import { join } from 'node:path';
import type { Core } from '../../core/createCore';
import { browserMediaRoutes } from '../../web/mediaRoute';
import { startWebHost } from '../../web/webHost';
import type { CliIo } from '../output';
import { usageError } from '../output';

export async function serveCommand(
  core: Core,
  io: CliIo,
  options: { port?: string; rendererDir: string },
): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port must be 0–65535, not ${options.port}.`);
  const host = await startWebHost({
    core,
    staticDir: options.rendererDir,
    port,
    routes: browserMediaRoutes(core),
  });
  if (io.json)
    io.stdout.write(`${JSON.stringify({ ok: true, value: { url: host.url, port: host.port } })}\n`);
  else
    io.stdout.write(
      `Shotloom is served at ${host.url}\nOpen that URL in a browser on this machine. Ctrl+C stops it.\n`,
    );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

export function defaultRendererDir(mainOutDir: string): string {
  return join(mainOutDir, '..', 'renderer');
}
