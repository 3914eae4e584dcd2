import { readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here: the protocol handler is tested against a mocked `electron`
// module, with real files, a real core and real Range answers. Electron itself never ran.
const registered: { schemes: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = {
  schemes: [],
  handlers: new Map(),
};
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      registered.handlers.set(scheme, handler),
  },
  dialog: {},
}));

import type { Asset } from '../../../common/model';
import { handleMediaProtocol, registerMediaScheme } from '../../../main/electron/mediaProtocol';
import type { PickFiles } from '../../../main/services/media/importSources';
import { makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { startMediaCore, type MediaTestCore } from './mediaCore';

describe('Electron media protocol (mocked electron, real core and files)', () => {
  let picker: PickFiles = async () => [];
  let media: MediaTestCore;
  let clipPath: string;
  let clip: Asset;
  let copied: Asset;
  const ask = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> => {
    const handler = registered.handlers.get('shotloom-media');
    if (!handler) throw new Error('the scheme has no handler');
    return handler(new Request(`shotloom-media://asset/${path}`, { headers, method }));
  };

  beforeAll(async () => {
    media = await startMediaCore({ host: 'electron', pickFiles: async (options) => picker(options) });
    registerMediaScheme();
    handleMediaProtocol({ projects: media.core.projects, derived: media.core.media });
    clipPath = await makeVideoClip(media.dir, { frames: 24, name: 'clip.mp4' });
    clip = (await media.call('media:import', { source: { kind: 'paths', paths: [clipPath] } }))
      .assets[0] as Asset;
    const wav = await makeAudioFile(media.dir, { seconds: 0.2, name: 'copied.wav' });
    copied = (await media.call('media:import', { source: { kind: 'paths', paths: [wav] }, storage: 'copy' }))
      .assets[0] as Asset;
  });
  afterAll(async () => media.stop());

  it('registers a privileged, streamable scheme', () => {
    expect(registered.schemes).toEqual([
      {
        scheme: 'shotloom-media',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
        }),
      },
    ]);
  });

  it('answers Range requests with 206 and Content-Range, mid-file seeks included, and 416 past the end', async () => {
    const bytes = await readFile(clipPath);
    const whole = await ask(clip.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const middle = Math.floor(bytes.length / 3);
    const seek = await ask(clip.id, { Range: `bytes=${middle}-${middle + 999}` });
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe(`bytes ${middle}-${middle + 999}/${bytes.length}`);
    expect(Buffer.from(await seek.arrayBuffer()).equals(bytes.subarray(middle, middle + 1000))).toBe(true);
    const beyond = await ask(clip.id, { Range: `bytes=${bytes.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect((await ask(`${clip.id}/thumbnail`)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses ids outside the project, traversal and symlinks out of the project', async () => {
    expect((await ask('ast_ffffffffffffffff')).status).toBe(404);
    expect((await ask('..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    const other = await registered.handlers.get('shotloom-media')?.(
      new Request(`shotloom-media://elsewhere/${clip.id}`),
    );
    expect(other?.status).toBe(404);
    const copiedFile = join(media.projectFolder, copied.path);
    await rm(copiedFile);
    await symlink('/etc/hostname', copiedFile);
    expect((await ask(copied.id)).status).toBe(403);
  });

  it('imports what the host dialog picked, and nothing when it was cancelled', async () => {
    const picked = await makeAudioFile(media.dir, { seconds: 0.3, name: 'picked in dialog.wav' });
    let asked: string[] = [];
    picker = async (options) => {
      asked = options.extensions;
      return [picked];
    };
    const result = await media.call('media:import', { source: { kind: 'dialog' } }, 'electron');
    expect(result.assets.map((asset) => asset.name)).toEqual(['picked in dialog.wav']);
    expect(asked).toEqual(expect.arrayContaining(['mp4', 'mov', 'wav', 'png']));
    picker = async () => [];
    const cancelled = await media.call('media:import', { source: { kind: 'dialog' } }, 'electron');
    expect(cancelled.assets).toEqual([]);
    expect(cancelled.failed).toEqual([]);
  });
});
