import { join } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf } from '../../../common/contract';
import { createCore, type Core, type CoreOptions } from '../../../main/core/createCore';
import { makeTempDir } from '../../helpers/tempDir';

export interface MediaTestCore {
  core: Core;
  dir: string;
  projectFolder: string;
  /** Invokes a channel as the given host and returns the value, or throws the error shape. */
  call<C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
    host?: 'cli' | 'web' | 'electron',
  ): Promise<ResponseOf<C>>;
  /** Invokes a channel and returns the whole Result. */
  result<C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
    host?: 'cli' | 'web' | 'electron',
  ): ReturnType<Core['invoke']>;
  stop(): Promise<void>;
}

/**
 * A core (CLI host unless told) with a new project open in a temp folder. Background edit-ready
 * copies stay off unless a test asks for them (they are x264 encodes that other tests do not need).
 */
export async function startMediaCore(options: Partial<CoreOptions> = {}): Promise<MediaTestCore> {
  const temp = await makeTempDir('shotloom-media-core-');
  const core = await createCore({
    host: 'cli',
    dataDir: join(temp.path, 'data'),
    autosaveIntervalMs: 0,
    backgroundEditReady: false,
    ...options,
  });
  const projectFolder = join(temp.path, 'project');
  const result = <C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
    host: 'cli' | 'web' | 'electron' = 'cli',
  ) => core.invoke(channel, request, { host });
  const call = async <C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
    host: 'cli' | 'web' | 'electron' = 'cli',
  ): Promise<ResponseOf<C>> => {
    const answer = await result(channel, request, host);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
    return answer.value as ResponseOf<C>;
  };
  await call('project:new', { name: 'Media test', location: { kind: 'path', folder: projectFolder } });
  return {
    core,
    dir: temp.path,
    projectFolder,
    call,
    result,
    stop: async () => {
      await core.media.settled();
      await core.dispose();
      await temp.remove();
    },
  };
}
