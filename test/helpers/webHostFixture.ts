import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';
import { browserMediaRoutes } from '../../main/web/mediaRoute';
import { startWebHost, type WebHost, type WebRoute } from '../../main/web/webHost';
import { makeTempDir } from './tempDir';

export interface RunningWebHost {
  core: Core;
  host: WebHost;
  dataDir: string;
  stop(): Promise<void>;
}

/** A core and its browser host on a random loopback port, serving the built renderer (out/renderer). */
export async function startTestWebHost(
  options: {
    staticDir?: string;
    routes?: WebRoute[];
    /** Extra core options (fake provider base URLs, engine timing, environment). */
    core?: Omit<CoreOptions, 'host' | 'dataDir'>;
  } = {},
): Promise<RunningWebHost> {
  const dir = await makeTempDir('shotloom-web-');
  const core = await createCore({ ...options.core, host: 'web', dataDir: dir.path });
  const host = await startWebHost({
    core,
    staticDir: options.staticDir ?? join(process.cwd(), 'out', 'renderer'),
    routes: [...(options.routes ?? []), ...browserMediaRoutes(core)],
  });
  return {
    core,
    host,
    dataDir: dir.path,
    stop: async () => {
      await host.close();
      await core.dispose();
      await dir.remove();
    },
  };
}
