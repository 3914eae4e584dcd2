import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../common/contract';
import { screenshot } from '../helpers/browser';
import { makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

/**
 * Background edit-ready copies through the browser host in Chromium: an imported video starts one,
 * the status bar shows it and cancels it, and Settings ▸ General turns them off and on again.
 */
describe('edit-ready copies in the background', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];
  const finished: Array<{ jobId: string; ok: boolean; error?: { code: string } }> = [];

  const importVideo = async (path: string) => {
    const result = await web.core.invoke(
      'media:import',
      { source: { kind: 'paths', paths: [path] } },
      { host: 'cli' },
    );
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as ImportResult).assets[0]!;
  };
  const editReadyFiles = async () =>
    readdir(join(web.core.projects.snapshot()!.folder, 'cache', 'edit-ready')).catch(() => [] as string[]);

  beforeAll(async () => {
    media = await makeTempDir('shotloom-edit-ready-');
    studio = await openStudio({
      project: { name: 'Edit ready' },
      prepare: async (host) => {
        web = host;
        web.core.events.subscribe((event, payload) => {
          if (event === 'render:finished') finished.push(payload as (typeof finished)[number]);
        });
      },
      pageErrors: errors,
      waitFor: 'app-version',
    });
    ({ web, page } = studio);
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  it('shows the copy of an imported video in the status bar and cancels it there', async () => {
    // 20 s of 720p with x264's default GOP: its copy takes seconds, long enough to see and cancel.
    const long = await makeVideoClip(media.path, {
      name: 'long take.mp4',
      width: 1280,
      height: 720,
      frames: 480,
    });
    await importVideo(long);
    const status = page.getByTestId('edit-ready-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
    expect(await status.getAttribute('title')).toContain('long take.mp4');
    await screenshot(page, 'edit-ready-status-1280x800');
    await page.getByTestId('edit-ready-cancel').click();
    await status.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => finished.at(-1)?.error?.code).toBe('CANCELLED');
    expect((await editReadyFiles()).filter((name) => !name.endsWith('.json'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is turned off and on in Settings ▸ General', async () => {
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByRole('radio', { name: 'General' }).click();
    const box = dialog.getByLabel(
      'Make edit-ready copies of imported videos and new takes in the background',
    );
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => web.core.settings.peek().editReadyCopies).toBe(false);
    const before = finished.length;
    await importVideo(await makeVideoClip(media.path, { name: 'off.mp4', frames: 24 }));
    // A job asked for now ends after any the import could have started (they run in order).
    const marker = await web.core.invoke('render:makeEditReady', { assetIds: [] }, { host: 'web' });
    const markerId = marker.ok ? (marker.value as { jobId: string }).jobId : '';
    await expect.poll(() => finished.some((entry) => entry.jobId === markerId)).toBe(true);
    expect(finished.slice(before).map((entry) => entry.jobId)).toEqual([markerId]);

    await box.check();
    await expect.poll(() => web.core.settings.peek().editReadyCopies).toBe(true);
    const on = await importVideo(await makeVideoClip(media.path, { name: 'on.mp4', frames: 24, width: 352 }));
    await expect
      .poll(async () => (await editReadyFiles()).includes(`${on.contentHash}.mp4`), { timeout: 60_000 })
      .toBe(true);
    // Finished: the status goes away and stays away (no progress is reported after the end).
    await expect.poll(() => finished.at(-1)?.ok, { timeout: 30_000 }).toBe(true);
    const status = page.getByTestId('edit-ready-status');
    await status.waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(await status.count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
