import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { makeAudioFile, makeImage, makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

/**
 * The clip bin in Chromium: grid and list views, search and filters, hover-scrub over a clip's
 * filmstrip, keyboard navigation, and the drag payload the timeline reads. (Importing through the
 * page is covered by studioFlow; here the media is imported by the core directly.)
 */
describe('studio: clip bin', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];

  beforeAll(async () => {
    media = await makeTempDir('shotloom-bin-media-');
    const paths = [
      await makeVideoClip(media.path, { name: 'waves.mp4', width: 480, height: 270, frames: 72 }),
      await makeVideoClip(media.path, { name: 'gulls.mp4', width: 480, height: 270, frames: 48 }),
      await makeImage(media.path, { name: 'lighthouse.png' }),
      await makeAudioFile(media.path, { name: 'theme.wav', seconds: 2 }),
    ];
    studio = await openStudio({
      project: { name: 'Bin' },
      prepare: async (host) => {
        web = host;
        const imported = await web.core.invoke(
          'media:import',
          { source: { kind: 'paths', paths }, storage: 'copy' },
          { host: 'cli' },
        );
        expect(imported.ok).toBe(true);
      },
      pageErrors: errors,
      waitFor: 'bin-grid',
    });
    ({ web, page } = studio);
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  const items = () => page.getByTestId('bin-item');

  it('searches and filters', async () => {
    await expect.poll(() => items().count()).toBe(4);
    await page.getByRole('searchbox', { name: 'Search the bin' }).fill('gull');
    await expect.poll(() => items().count()).toBe(1);
    expect(await items().first().textContent()).toContain('gulls.mp4');
    await page.getByRole('searchbox', { name: 'Search the bin' }).fill('');
    await page.getByRole('button', { name: /Filters and sort/ }).click();
    await page.getByRole('combobox', { name: 'Filter by type' }).selectOption('audio');
    await expect.poll(() => items().count()).toBe(1);
    expect(await items().first().getAttribute('data-status')).toBe('imported');
    await page.getByRole('combobox', { name: 'Filter by type' }).selectOption('all');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
    await expect.poll(() => items().first().textContent()).toContain('gulls.mp4');
    await page.getByRole('button', { name: /Filters and sort/ }).click();
    expect(errors).toEqual([]);
  });

  it('scrubs a clip’s filmstrip under the pointer', async () => {
    const card = page.locator('[data-testid="bin-item"]', { hasText: 'waves.mp4' });
    const thumb = card.locator('.asset-thumb');
    const box = (await thumb.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    const frame = card.getByTestId('scrub-frame');
    await frame.waitFor({ timeout: 20_000 });
    const early = Number(await frame.getAttribute('data-frame'));
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect.poll(async () => Number(await frame.getAttribute('data-frame'))).toBeGreaterThan(early + 30);
    await page.mouse.move(0, 0);
  });

  it('moves through the bin with the keyboard and drags an asset for the timeline', async () => {
    await page.getByTestId('bin-grid').focus();
    await page.keyboard.press('Home');
    const first = await page.getByTestId('bin-grid').getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowRight');
    const second = await page.getByTestId('bin-grid').getAttribute('aria-activedescendant');
    expect(first).toMatch(/^vg-asset:/);
    expect(second).toMatch(/^vg-asset:/);
    expect(second).not.toBe(first);

    const payload = await page.evaluate(() => {
      const card = [...document.querySelectorAll('[data-testid="bin-item"]')].find((element) =>
        element.textContent?.includes('waves.mp4'),
      )!;
      const transfer = new DataTransfer();
      card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: transfer }));
      return transfer.getData('application/x-shotloom-asset');
    });
    const drag = JSON.parse(payload) as { assetId: string; kind: string; durationSeconds: number };
    const asset = Object.values(web.core.projects.snapshot()!.document.assets).find(
      (a) => a.name === 'waves.mp4',
    );
    expect(drag).toMatchObject({ assetId: asset?.id, kind: 'video', shotId: null });
    expect(drag.durationSeconds).toBeCloseTo(3, 1);
  });

  it('shows the list view', async () => {
    await page.getByRole('radio', { name: 'List view' }).click();
    await expect.poll(() => page.locator('.bin-row').count()).toBe(4);
    await page.waitForTimeout(500);
    await screenshot(page, 'studio-bin-list-1280x800');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await screenshot(page, 'studio-bin-list-1920x1080');
    await page.getByRole('radio', { name: 'Grid view' }).click();
    await page.waitForTimeout(500);
    await screenshot(page, 'studio-bin-grid-1920x1080');
    expect(errors).toEqual([]);
  });
});
