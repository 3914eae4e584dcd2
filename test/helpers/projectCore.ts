import type { EventName, Result } from '../../common/contract';
import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';
import { makeTempDir } from './tempDir';

/** A CLI-host core on a temp data folder, recording every event it emits. */
export async function makeProjectCore(options: Partial<CoreOptions> = {}): Promise<{
  core: Core;
  dataDir: string;
  events: { event: EventName; payload: unknown }[];
  call: <T = unknown>(channel: string, request?: unknown, host?: 'cli' | 'web' | 'electron') => Promise<T>;
  callResult: (
    channel: string,
    request?: unknown,
    host?: 'cli' | 'web' | 'electron',
  ) => Promise<Result<unknown>>;
  dispose: () => Promise<void>;
}> {
  const dir = await makeTempDir('shotloom-project-');
  const core = await createCore({ host: 'cli', dataDir: dir.path, autosaveIntervalMs: 0, ...options });
  const events: { event: EventName; payload: unknown }[] = [];
  core.events.subscribe((event, payload) => events.push({ event, payload }));
  const callResult = (channel: string, request: unknown = {}, host: 'cli' | 'web' | 'electron' = 'cli') =>
    core.invoke(channel, request, { host });
  return {
    core,
    dataDir: dir.path,
    events,
    callResult,
    call: async <T>(channel: string, request: unknown = {}, host: 'cli' | 'web' | 'electron' = 'cli') => {
      const result = await core.invoke(channel, request, { host });
      if (!result.ok)
        throw new Error(
          `${channel}: ${result.error.code} ${result.error.message} ${result.error.detail ?? ''}`,
        );
      return result.value as T;
    },
    dispose: async () => {
      await core.dispose();
      await dir.remove();
    },
  };
}
