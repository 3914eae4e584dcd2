import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sequence } from '../../common/model';
import { screenshot } from '../helpers/browser';
import { ffprobeBinary, makeAudioFile, makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

const run = promisify(execFile);

async function countFrames(path: string): Promise<number> {
  const { stdout } = await run(ffprobeBinary(), [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(stdout.trim());
}

/**
 * The export dialog in Chromium through the browser host: the plan with its smart-render choice,
 * an export whose file has exactly the sequence's frames (ffprobe), and a second export cancelled.
 */
describe('export dialog', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];

  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await web.core.invoke(channel, request, { host: 'cli' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const sequence = (): Sequence => Object.values(web.core.projects.snapshot()!.document.sequences)[0]!;

  beforeAll(async () => {
    media = await makeTempDir('shotloom-export-media-');
    const paths = [
      await makeVideoClip(media.path, {
        name: 'a.mp4',
        width: 640,
        height: 360,
        frames: 48,
        rate: 24,
        gop: 12,
      }),
      await makeVideoClip(media.path, {
        name: 'b.mp4',
        width: 640,
        height: 360,
        frames: 36,
        rate: 24,
        gop: 12,
        syncMarker: { startFrame: 3, frames: 2 },
      }),
      await makeAudioFile(media.path, { name: 'bed.wav', seconds: 4 }),
    ];
    // Edit-ready copies only when asked for in the dialog (the background ones are tested elsewhere).
    studio = await openStudio({
      core: { backgroundEditReady: false },
      project: { name: 'Export', width: 640, height: 360, rate: { num: 24, den: 1 } },
      prepare: async (host) => {
        web = host;
        // Setup through the core itself (the timeline's own tests drive the UI for editing).
        const imported = await call<{ assets: Array<{ id: string; name: string }> }>('media:import', {
          source: { kind: 'paths', paths },
        });
        const id = (name: string) => imported.assets.find((asset) => asset.name === name)!.id;
        const seq = sequence();
        for (const [name, frames] of [
          ['a.mp4', 48],
          ['b.mp4', 36],
        ] as const) {
          await call('project:edit', {
            command: {
              type: 'appendClip',
              sequenceId: seq.id,
              trackId: seq.videoTracks[0]!.id,
              clip: { assetId: id(name), durationFrames: frames },
            },
          });
        }
        const musicTrack = seq.audioTracks.find((track) => track.role === 'music')!;
        await call('project:edit', {
          command: {
            type: 'appendClip',
            sequenceId: seq.id,
            trackId: musicTrack.id,
            clip: { assetId: id('bed.wav'), durationFrames: 84 },
          },
        });
      },
      pageErrors: errors,
    });
    ({ web, page } = studio);
    await page.locator('[data-testid="timeline-clip"]').nth(2).waitFor();
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  it('shows the plan, exports a file with the sequence frame count, and lists it', async () => {
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-plan').waitFor();
    expect(await dialog.getByTestId('export-plan').getAttribute('data-frame-count')).toBe('84');
    expect(await dialog.locator('.export-segments li').count()).toBeGreaterThan(0);
    await dialog.getByTestId('export-file-name').fill('first cut');
    await screenshot(page, 'export-dialog-plan');
    await dialog.getByTestId('export-start').click();
    const progress = dialog.getByTestId('export-progress');
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    const output = (await dialog.getByTestId('export-output').textContent())!.trim();
    expect(output.endsWith('first cut.mp4')).toBe(true);
    expect(await countFrames(output)).toBe(84);
    await dialog.locator('[data-testid="export-history"] li[data-ok="true"]').first().waitFor();
    // The browser host has no file manager to show: the dialog says so instead of failing silently.
    await dialog.getByTestId('export-reveal').click();
    await expect.poll(() => dialog.locator('.export-problem').textContent()).toContain('desktop app');
    await screenshot(page, 'export-dialog-done');
    expect(errors).toEqual([]);
  });

  it('makes edit-ready copies from the plan, shows their progress and plans again with them', async () => {
    const dialog = page.getByTestId('export-dialog');
    const hint = dialog.getByTestId('export-edit-ready');
    await expect.poll(() => hint.textContent()).toContain('2 clip sources have no edit-ready copy');
    await dialog.getByTestId('export-make-edit-ready').click();
    await expect.poll(() => hint.count(), { timeout: 60_000 }).toBe(0);
    const plan = await call<{ assetsWithoutEditReady: string[] }>('render:plan', {
      sequenceId: sequence().id,
      presetId: 'h264-sequence',
    });
    expect(plan.assetsWithoutEditReady).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('cancels a second export', async () => {
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-preset').selectOption('h264-1080p');
    await dialog.getByTestId('export-file-name').fill('second cut');
    await dialog.getByTestId('export-start').click();
    await dialog.getByTestId('export-cancel').click();
    const progress = dialog.getByTestId('export-progress');
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 60_000 }).toBe('failed');
    expect(await progress.textContent()).toContain('Cancelled');
    const records = await call<Array<{ ok: boolean; outputPath: string; error: { code: string } | null }>>(
      'render:list',
      {},
    );
    const cancelled = records.find((record) => record.outputPath.endsWith('second cut.mp4'));
    expect(cancelled?.ok).toBe(false);
    expect(cancelled?.error?.code).toBe('CANCELLED');
    expect(existsSync(cancelled!.outputPath)).toBe(false);
    await dialog.locator('[data-testid="export-history"] li[data-ok="false"]').first().waitFor();
    await screenshot(page, 'export-dialog-cancelled');
    expect(errors).toEqual([]);
  });
});
