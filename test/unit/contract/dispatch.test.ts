import { describe, expect, it } from 'vitest';
import { AppError, channels } from '../../../common/contract';
import { createCore } from '../../../main/core/createCore';
import { dispatch } from '../../../main/core/dispatch';
import type { HandlerMap } from '../../../main/core/handlers';
import { makeTempDir } from '../../helpers/tempDir';

describe('the contract and its dispatcher', () => {
  it('has a handler in the core for every channel of the contract', async () => {
    const dir = await makeTempDir();
    const core = await createCore({ host: 'cli', dataDir: dir.path });
    expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(channels).sort());
    for (const name of Object.keys(channels)) {
      expect(typeof core.handlers[name as keyof HandlerMap]).toBe('function');
    }
    await core.dispose();
    await dir.remove();
  });

  it('refuses an unknown channel with UNKNOWN_CHANNEL', async () => {
    const result = await dispatch({} as HandlerMap, 'nope:nothing', {}, { host: 'cli' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a request that fails its schema with BAD_REQUEST and the offending path', async () => {
    let called = false;
    const handlers = { 'app:info': () => ((called = true), {}) } as unknown as HandlerMap;
    const result = await dispatch(handlers, 'app:info', { surprise: 1 }, { host: 'cli' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST');
      expect(result.error.detail).toMatch(/surprise|Unrecognized/i);
    }
    expect(called).toBe(false);
  });

  it('keeps the code of an AppError thrown by a handler, and hides other errors behind INTERNAL', async () => {
    const throwing = {
      'app:info': () => Promise.reject(new AppError('FFMPEG_MISSING', 'no ffmpeg')),
    } as unknown as HandlerMap;
    expect(await dispatch(throwing, 'app:info', {}, { host: 'cli' })).toEqual({
      ok: false,
      error: { code: 'FFMPEG_MISSING', message: 'no ffmpeg' },
    });
    const crashing = {
      'app:info': () => {
        throw new TypeError('x is undefined');
      },
    } as unknown as HandlerMap;
    const result = await dispatch(crashing, 'app:info', {}, { host: 'cli' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: 'x is undefined' } });
  });

  it('answers app:info with versions, host and the resolved ffmpeg', async () => {
    const dir = await makeTempDir();
    const core = await createCore({ host: 'web', dataDir: dir.path });
    const result = await core.invoke('app:info', {}, { host: 'web' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const info = result.value as { host: string; versions: { node: string }; dataDir: string };
      expect(info.host).toBe('web');
      expect(info.versions.node).toBe(process.versions.node);
      expect(info.dataDir).toBe(dir.path);
    }
    await core.dispose();
    await dir.remove();
  });
});
