import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, ProjectSnapshot } from '../../common/contract';
import { screenshot } from '../helpers/browser';
import { makeImage, makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

/** The program viewer shows what the export makes: upper tracks over the picture, stills, opacity. */
describe('program viewer layers in Chromium', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: Awaited<ReturnType<typeof makeTempDir>>;
  const errors: string[] = [];

  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await web.core.invoke(channel, request, { host: 'cli' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const seek = async (frame: number) => {
    await page.getByTestId('program-timecode').waitFor();
    await page.keyboard.press('Home');
    for (let index = 0; index < frame; index += 1) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('program-timecode').getAttribute('data-frame'))
      .toBe(String(frame));
  };
  const shown = (testId: string) =>
    page.getByTestId(testId).evaluate((element: HTMLElement) => ({
      visible: getComputedStyle(element).visibility === 'visible',
      opacity: Number(getComputedStyle(element).opacity),
      clipId: element.dataset.clipId ?? '',
    }));
  const overlay = () =>
    page.locator('.program-overlay').evaluateAll((elements) =>
      elements.map((element) => ({
        tag: element.tagName.toLowerCase(),
        visible: getComputedStyle(element).visibility === 'visible',
        opacity: Number(getComputedStyle(element).opacity),
        clipId: (element as HTMLElement).dataset.clipId ?? '',
        loaded: element instanceof HTMLImageElement ? element.naturalWidth : -1,
      })),
    );

  let ids: { shot: string; logo: string; card: string };

  beforeAll(async () => {
    media = await makeTempDir('shotloom-viewer-media-');
    const video = await makeVideoClip(media.path, { name: 'shot.mp4', width: 640, height: 360, frames: 48 });
    const logo = await makeImage(media.path, { name: 'logo.png', width: 160, height: 90 });
    studio = await openStudio({
      core: { backgroundEditReady: false },
      project: { name: 'Layers', width: 640, height: 360, rate: { num: 24, den: 1 } },
      prepare: async (host) => {
        web = host;
        const imported = await call<ImportResult>('media:import', {
          source: { kind: 'paths', paths: [video, logo] },
        });
        const assetOf = (name: string) => imported.imported.find((file) => file.name === name)!.assetId;
        const snapshot = await call<ProjectSnapshot>('project:get', {});
        const sequenceId = snapshot.document.sequenceOrder[0]!;
        const v1 = snapshot.document.sequences[sequenceId]!.videoTracks[0]!.id;
        // V1: 40 of the video's 48 frames, a dip to white of 8 frames into the logo as a still card
        // (frames 40–52); V2: the logo over frames 12–36 at half opacity.
        await call('project:editBatch', {
          commands: [
            {
              type: 'appendClip',
              sequenceId,
              trackId: v1,
              clip: { id: 'shot', assetId: assetOf('shot.mp4'), durationFrames: 40 },
            },
            {
              type: 'appendClip',
              sequenceId,
              trackId: v1,
              clip: { id: 'card', assetId: assetOf('logo.png'), durationFrames: 12 },
            },
            { type: 'addTransition', sequenceId, leftItemId: 'shot', kind: 'dipToWhite', durationFrames: 8 },
            { type: 'addTrack', sequenceId, kind: 'video', id: 'v2' },
            {
              type: 'overwriteClip',
              sequenceId,
              trackId: 'v2',
              frame: 12,
              clip: { id: 'logo', assetId: assetOf('logo.png'), durationFrames: 24 },
            },
            { type: 'setClipProperties', sequenceId, itemId: 'logo', properties: { opacity: 0.5 } },
          ],
        });
        ids = { shot: 'shot', logo: 'logo', card: 'card' };
      },
      pageErrors: errors,
      waitFor: 'timeline',
    });
    ({ web, page } = studio);
    await page.getByTestId('timeline').click({ position: { x: 5, y: 5 } });
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  it('lays an upper track over the picture at its opacity, and only while it has a clip there', async () => {
    await seek(6);
    expect((await overlay()).filter((element) => element.visible)).toEqual([]);
    await seek(20);
    const picture = page.getByTestId('program-picture');
    expect(await picture.getAttribute('data-active-clip-id')).toBe(ids.shot);
    expect(await picture.getAttribute('data-overlay-clip-ids')).toBe(ids.logo);
    await expect
      .poll(async () => (await overlay()).find((element) => element.visible))
      .toEqual({ tag: 'img', visible: true, opacity: 0.5, clipId: ids.logo, loaded: 160 });
    await screenshot(page, 'program-overlay-1280x800');
    await seek(40);
    expect((await overlay()).filter((element) => element.visible)).toEqual([]);
  });

  it('passes through white in a dip to white', async () => {
    const background = () =>
      page
        .getByTestId('program-picture')
        .evaluate((element: HTMLElement) => getComputedStyle(element).backgroundColor);
    await seek(30);
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    await seek(40);
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'program-dip-to-white-1280x800');
    await seek(46);
    await expect.poll(background).not.toBe('rgb(255, 255, 255)');
  });

  it('shows a still on the picture track with an <img>, not an empty <video>', async () => {
    await seek(48);
    await expect
      .poll(async () => {
        const [a, b] = [await shown('program-still-a'), await shown('program-still-b')];
        return [a, b].find((still) => still.visible)?.clipId ?? '';
      })
      .toBe(ids.card);
    const videos = [await shown('program-video-a'), await shown('program-video-b')];
    expect(videos.filter((video) => video.visible)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('plays a video above 1080p from its H.264 proxy once there is one', async () => {
    const wide = await makeVideoClip(media.path, { name: 'wide.mp4', width: 2560, height: 1440, frames: 24 });
    const imported = await call<ImportResult>('media:import', { source: { kind: 'paths', paths: [wide] } });
    const asset = imported.assets[0]!;
    // The import starts the proxy in the background.
    await expect.poll(() => web.core.media.proxyPath(asset), { timeout: 60_000 }).not.toBeNull();
    const snapshot = await call<ProjectSnapshot>('project:get', {});
    const sequenceId = snapshot.document.sequenceOrder[0]!;
    const v1 = snapshot.document.sequences[sequenceId]!.videoTracks[0]!.id;
    await call('project:edit', {
      command: {
        type: 'appendClip',
        sequenceId,
        trackId: v1,
        clip: { id: 'wide', assetId: asset.id, durationFrames: 24 },
      },
    });
    await seek(60);
    const video = page.locator('video.program-video[data-clip-id="wide"]');
    await expect
      .poll(() =>
        video.evaluate((element: HTMLVideoElement) => ({
          proxy: element.src.endsWith('/proxy'),
          width: element.videoWidth,
          visible: getComputedStyle(element).visibility === 'visible',
        })),
      )
      .toEqual({ proxy: true, width: 1920, visible: true });
    expect(errors).toEqual([]);
  });
});
