import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { externalLinks } from '../../../common/contract';
import { createCore } from '../../../main/core/createCore';
import { allowListedOpenExternal } from '../../../main/electron/openExternal';
import { hardenContents } from '../../../main/electron/security';
import { isExternalUrlAllowed } from '../../../main/security/externalUrls';
import { makeTempDir } from '../../helpers/tempDir';

describe('openExternal allow-list', () => {
  it('allows every listed provider page, and each one is https', () => {
    for (const url of Object.values(externalLinks)) {
      expect(url.startsWith('https://'), url).toBe(true);
      expect(isExternalUrlAllowed(url), url).toBe(true);
    }
  });

  it.each([
    ['plain http', 'http://platform.openai.com/api-keys'],
    ['another page on a listed host', 'https://platform.openai.com/docs'],
    ['a look-alike host', 'https://platform.openai.com.evil.example/api-keys'],
    ['credentials in the URL', 'https://user:pw@platform.openai.com/api-keys'],
    ['a userinfo trick', 'https://platform.openai.com@evil.example/api-keys'],
    ['an explicit port', 'https://platform.openai.com:8443/api-keys'],
    ['a query added', 'https://platform.openai.com/api-keys?next=https://evil.example'],
    ['a fragment', 'https://platform.openai.com/api-keys#x'],
    ['a path that normalises onto a listed page', 'https://platform.openai.com/x/../api-keys'],
    ['upper-case host spelling', 'https://PLATFORM.openai.com/api-keys'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a custom scheme', 'shotloom-media://asset/1'],
    ['not a URL', 'platform.openai.com/api-keys'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(isExternalUrlAllowed(url)).toBe(false);
  });

  it('the Electron capability calls shell.openExternal for listed pages only', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const open = allowListedOpenExternal(shell);
    await open(externalLinks['fal.keys']);
    expect(shell.openExternal).toHaveBeenCalledWith('https://fal.ai/dashboard/keys', { activate: true });
    await expect(open('https://evil.example/')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('app:openExternal takes a link id, never a URL, and uses the host capability', async () => {
    const dir = await makeTempDir();
    const opened: string[] = [];
    const core = await createCore({
      host: 'electron',
      dataDir: dir.path,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    const context = { host: 'electron' as const };
    expect(await core.invoke('app:openExternal', { link: 'replicate.keys' }, context)).toEqual({
      ok: true,
      value: { url: 'https://replicate.com/account/api-tokens' },
    });
    expect(opened).toEqual(['https://replicate.com/account/api-tokens']);
    for (const bad of [
      { link: 'https://evil.example/' },
      { url: 'https://replicate.com/account/api-tokens' },
      { link: 'replicate.keys', url: 'https://evil.example/' },
      { link: 'toString' },
    ]) {
      expect(await core.invoke('app:openExternal', bad, context), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
    expect(opened).toHaveLength(1);
    await core.dispose();
    await dir.remove();
  });

  it('hosts without a browser to open answer NOT_AVAILABLE_IN_HOST with the URL to open by hand', async () => {
    const dir = await makeTempDir();
    for (const host of ['web', 'cli'] as const) {
      const core = await createCore({ host, dataDir: dir.path });
      const result = await core.invoke('app:openExternal', { link: 'openai.billing' }, { host });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE_IN_HOST' } });
      expect(JSON.stringify(result)).toContain(externalLinks['openai.billing']);
      await core.dispose();
    }
    await dir.remove();
  });

  it('a page opening an allow-listed link in a new window gets the system browser, nothing else does', () => {
    const contents = Object.assign(new EventEmitter(), {
      handler: null as null | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.handler = handler;
      },
    });
    const openExternal = vi.fn(async () => undefined);
    hardenContents(contents as never, undefined, { openExternal });
    expect(contents.handler!({ url: externalLinks['luma.keys'] })).toEqual({ action: 'deny' });
    expect(contents.handler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.handler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([[externalLinks['luma.keys']]]);
  });
});
