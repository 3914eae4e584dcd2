import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../common/model';
import { launchChromium } from '../../helpers/browser';
import { makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';
import { startTestWebHost, type RunningWebHost } from '../../helpers/webHostFixture';

/**
 * A real <video> in Debian's Chromium plays and seeks an asset through the browser host's media
 * route: Chromium itself sends the Range requests, and the route's answers must satisfy it.
 */
describe('a <video> element seeks through /media/<assetId> in Chromium', () => {
  let web: RunningWebHost;
  let browser: Browser;
  let scratch: { path: string; remove: () => Promise<void> };
  let clip: Asset;
  const ranges: string[] = [];

  beforeAll(async () => {
    scratch = await makeTempDir('shotloom-seek-');
    web = await startTestWebHost({
      routes: [
        (request) => {
          if (request.url?.startsWith('/media/') && request.headers.range) ranges.push(request.headers.range);
          return false;
        },
      ],
    });
    const invoke = async (channel: string, request: unknown): Promise<unknown> => {
      const result = await web.core.invoke(channel, request, { host: 'cli' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    await invoke('project:new', {
      name: 'Seek',
      location: { kind: 'path', folder: join(scratch.path, 'project') },
    });
    // 10 s at 24 fps with a keyframe every second, moov at the end (the player must ask for it).
    const path = await makeVideoClip(scratch.path, {
      frames: 240,
      gop: 24,
      name: 'long enough.mp4',
      audio: false,
    });
    clip = (
      (await invoke('media:import', { source: { kind: 'paths', paths: [path] } })) as { assets: Asset[] }
    ).assets[0] as Asset;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.core.media.settled();
    await web?.stop();
    await scratch?.remove();
  });

  it('loads the metadata and seeks to 7.5 s', async () => {
    const page = await browser.newPage();
    await page.goto(web.host.url);
    const outcome = await page.evaluate(async (src) => {
      const video = document.createElement('video');
      video.muted = true;
      video.preload = 'auto';
      document.body.append(video);
      const once = (name: string) =>
        new Promise<string>((resolve) => {
          video.addEventListener(name, () => resolve(name), { once: true });
          video.addEventListener('error', () => resolve(`error ${video.error?.code ?? ''}`), { once: true });
        });
      const loaded = once('loadedmetadata');
      video.src = src;
      const metadata = await loaded;
      const seeked = once('seeked');
      video.currentTime = 7.5;
      const afterSeek = await seeked;
      return { metadata, afterSeek, duration: video.duration, currentTime: video.currentTime };
    }, `/media/${clip.id}`);
    expect(outcome.metadata).toBe('loadedmetadata');
    expect(outcome.afterSeek).toBe('seeked');
    expect(outcome.duration).toBeCloseTo(10, 1);
    expect(outcome.currentTime).toBeCloseTo(7.5, 1);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((range) => /^bytes=\d+-\d*$/.test(range))).toBe(true);
  });
});
