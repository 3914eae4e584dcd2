import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { makeAudioFile, makeImage, makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';
import { unlabelledControls } from './studioA11y';

/**
 * The studio end to end, through the browser host in Chromium, with the offline Animatic provider:
 * import media, design a shot with first and last keyframes grabbed from a clip, generate two
 * takes, compare them, choose one, continue from its last frame. Screenshots of each screen at
 * 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
describe('studio: shot, keyframes, takes', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  let files: { clip: string; image: string; audio: string };
  const errors: string[] = [];

  async function shoot(name: string): Promise<void> {
    await screenshot(page, `${name}-1280x800`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(150);
    await screenshot(page, `${name}-1920x1080`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(100);
  }

  async function scrollInspectorTo(testId: string): Promise<void> {
    await page.getByTestId(testId).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  }

  async function shootJobs(): Promise<void> {
    await page.getByTestId('jobs-button').click();
    await page.getByTestId('jobs-panel').waitFor();
    await page.getByTestId('job-row').first().waitFor();
    await shoot('studio-jobs-running');
    await page.keyboard.press('Escape');
  }

  function document() {
    const snapshot = web.core.projects.snapshot();
    if (!snapshot) throw new Error('no project open');
    return snapshot.document;
  }

  beforeAll(async () => {
    media = await makeTempDir('shotloom-studio-media-');
    files = {
      clip: await makeVideoClip(media.path, {
        name: 'harbour.mp4',
        width: 640,
        height: 360,
        frames: 96,
        rate: 24,
      }),
      image: await makeImage(media.path, { name: 'poster.png', width: 640, height: 360 }),
      audio: await makeAudioFile(media.path, { name: 'score.wav', seconds: 3 }),
    };
    studio = await openStudio({
      project: { name: 'Harbour' },
      pageErrors: errors,
      waitFor: 'bin',
    });
    ({ web, page } = studio);
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  it('imports media into the bin', async () => {
    await page.getByTestId('bin-file-input').setInputFiles([files.clip, files.image, files.audio]);
    await page.locator('[data-testid="bin-item"][data-key^="asset:"]').nth(2).waitFor({ timeout: 30_000 });
    expect(
      Object.values(document().assets)
        .map((asset) => asset.name)
        .sort(),
    ).toEqual(['harbour.mp4', 'poster.png', 'score.wav']);
    await page.waitForTimeout(800);
    await shoot('studio-bin-imported');
    expect(errors).toEqual([]);
  });

  it('designs a shot with first and last keyframes grabbed from the clip', async () => {
    await page.getByTestId('new-shot').click();
    await page.getByTestId('shot-inspector').waitFor();
    await page.getByTestId('shot-prompt').fill('A lighthouse keeper walks along the harbour wall at dusk.');
    await page.getByRole('button', { name: 'Camera: Dolly in' }).click();
    // Short takes keep the Animatic renders quick on CI's two cores.
    await page.getByRole('combobox', { name: 'Duration' }).selectOption('2');

    await page.getByTestId('keyframe-first-grab').click();
    const grab = page.getByTestId('frame-grab-dialog');
    await grab.waitFor();
    await grab.getByTestId('grab-scrubber').fill('12');
    await page.waitForTimeout(300);
    await shoot('studio-frame-grab');
    await grab.getByTestId('grab-use').click();
    await page.getByTestId('keyframe-first-image').waitFor();

    await page.getByTestId('keyframe-last-grab').click();
    await grab.waitFor();
    await grab.getByTestId('grab-scrubber').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await grab.getByTestId('grab-use').click();
    await page.getByTestId('keyframe-last-image').waitFor();

    // What a model cannot do is said before sending: Gen-4.5 takes no last keyframe.
    await page.getByTestId('shot-model').selectOption('runway/gen4.5');
    await expect
      .poll(() => page.getByTestId('model-fit').textContent())
      .toContain('cannot do first + last keyframes');
    expect(await page.getByTestId('generate').isDisabled()).toBe(true);
    await page.getByTestId('model-fit').scrollIntoViewIfNeeded();
    await shoot('studio-model-fit');
    await page.getByTestId('shot-model').selectOption('animatic/animatic');
    await expect.poll(() => page.getByTestId('model-fit').count()).toBe(0);

    const shot = Object.values(document().shots)[0];
    expect(shot?.prompt).toContain('Slow dolly in toward the subject.');
    expect(shot?.cameraDirection).toBe('dollyIn');
    const first = document().assets[shot?.keyframes.first ?? ''];
    const last = document().assets[shot?.keyframes.last ?? ''];
    expect(first?.origin).toMatchObject({ kind: 'frameGrab', frame: 12 });
    expect(last?.origin, JSON.stringify(last?.origin)).toMatchObject({ kind: 'frameGrab', frame: 94 });
    await page
      .getByTestId('panel-inspector')
      .locator('.panel-body')
      .evaluate((body) => body.scrollTo({ top: 0 }));
    await shoot('studio-shot-inspector');
    expect(errors).toEqual([]);
  });

  it('generates two takes with the Animatic provider', async () => {
    await page.getByTestId('take-count').selectOption('2');
    await expect.poll(() => page.getByTestId('cost-estimate').textContent()).toBe('Free');
    await page.getByTestId('generate').click();
    await page.getByRole('button', { name: 'Jobs' }).or(page.getByTestId('jobs-button')).first().waitFor();
    const rows = page.getByTestId('take-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await shootJobs();
    await expect
      .poll(() => page.locator('[data-testid="take-row"][data-status="succeeded"]').count(), {
        timeout: 120_000,
      })
      .toBe(2);
    const shot = Object.values(document().shots)[0]!;
    expect(shot.takeIds).toHaveLength(2);
    for (const id of shot.takeIds) {
      const take = document().takes[id]!;
      expect(take.provider).toBe('animatic');
      expect(take.recipe.keyframes.first).toBe(shot.keyframes.first);
      expect(take.outputAssetId).not.toBeNull();
    }
    await page.waitForTimeout(500);
    await scrollInspectorTo('take-list');
    await shoot('studio-takes');
    expect(errors).toEqual([]);
  });

  it('compares the two takes side by side and chooses one', async () => {
    const boxes = page.getByTestId('take-compare');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('takes-compare').click();
    const dialog = page.getByTestId('compare-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('video').count()).toBe(2);
    await dialog.getByTestId('compare-play').click();
    await page.waitForTimeout(600);
    const times = await dialog
      .locator('video')
      .evaluateAll((videos) => videos.map((video) => (video as HTMLVideoElement).currentTime));
    expect(times[0]).toBeGreaterThan(0);
    expect(Math.abs((times[0] ?? 0) - (times[1] ?? 0))).toBeLessThan(0.2);
    await dialog.getByTestId('compare-play').click();
    expect(await dialog.getByTestId('compare-diff').locator('tr').count()).toBeGreaterThan(10);
    await shoot('studio-compare');
    const shot = Object.values(document().shots)[0]!;
    // The first take to arrive is in use; choose the other one here.
    const other = shot.takeIds.filter((id) => id !== shot.selectedTakeId).at(-1)!;
    expect(await dialog.getByTestId('compare-choose').count()).toBe(shot.selectedTakeId ? 1 : 2);
    await dialog.getByTestId('compare-choose').last().click();
    await expect.poll(() => document().shots[shot.id]?.selectedTakeId).toBe(other);
    expect(await unlabelledControls(page, '[data-testid="compare-dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('[data-testid="take-row"].is-in-use').waitFor();
    // Every control of the bin, the inspector (with its takes) and the status bar has a name.
    expect(
      await unlabelledControls(
        page,
        '[data-testid="panel-bin"], [data-testid="panel-inspector"], [data-testid="status-bar"]',
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('continues from the chosen take’s last frame into a new shot', async () => {
    const first = Object.values(document().shots)[0]!;
    const chosen = document().takes[first.selectedTakeId ?? '']!;
    await page
      .locator(`[data-testid="take-row"][data-take-id="${chosen.id}"]`)
      .getByTestId('take-continue')
      .click();
    await expect.poll(() => document().shotOrder.length).toBe(2);
    const next = document().shots[document().shotOrder[1]!]!;
    await expect.poll(() => page.getByTestId('shot-inspector').getAttribute('data-shot-id')).toBe(next.id);
    const still = next.keyframes.first;
    expect(still).not.toBeNull();
    // One still shared by reference: the chosen take's last frame, also the first shot's last keyframe when it had none.
    if (chosen.lastFrameAssetId) expect(still).toBe(chosen.lastFrameAssetId);
    expect(document().assets[still!]?.kind).toBe('image');
    expect(next.model).toEqual(first.model);
    await page.getByTestId('keyframe-first-image').waitFor();
    await shoot('studio-continued-shot');
    expect(errors).toEqual([]);
  });

  it('fills keyframes from disk and from the bin, and brings back an earlier prompt', async () => {
    const next = document().shots[document().shotOrder[1]!]!;
    await page.getByTestId('keyframe-last-file').setInputFiles(files.image);
    await page.getByTestId('keyframe-last-image').waitFor();
    await expect
      .poll(() => document().assets[document().shots[next.id]!.keyframes.last ?? '']?.name)
      .toBe('poster.png');

    // A still dragged from the bin onto the middle slot (the drag payload the bin writes).
    const grab = Object.values(document().assets).find((asset) => asset.origin.kind === 'frameGrab')!;
    await page
      .getByTestId('keyframe-middle')
      .locator('.keyframe-well')
      .evaluate((well, assetId) => {
        const transfer = new DataTransfer();
        transfer.setData(
          'application/x-shotloom-asset',
          JSON.stringify({ assetId, shotId: null, takeId: null, kind: 'image', durationSeconds: 0 }),
        );
        well.dispatchEvent(
          new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
        well.dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      }, grab.id);
    await expect.poll(() => document().shots[next.id]!.keyframes.middle).toBe(grab.id);
    await page.getByTestId('keyframe-middle-image').waitFor();

    // An image pasted from the clipboard onto the focused slot replaces it.
    const png = (await readFile(files.image)).toString('base64');
    await page
      .getByTestId('keyframe-middle')
      .locator('.keyframe-well')
      .evaluate((well, data) => {
        const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'clipboard.png', { type: 'image/png' }));
        well.dispatchEvent(
          new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }),
        );
      }, png);
    await expect.poll(() => document().shots[next.id]!.keyframes.middle).not.toBe(grab.id);
    expect(document().assets[document().shots[next.id]!.keyframes.middle ?? '']?.kind).toBe('image');

    // Without a mouse: choose an image from the bin in a dialog.
    await page.getByTestId('keyframe-middle-choose').focus();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('image-picker');
    await picker.waitFor();
    const choice = picker.getByRole('button', { name: `Use ${grab.name}` });
    await choice.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => document().shots[next.id]!.keyframes.middle).toBe(grab.id);

    // Back to the first shot: its takes' prompt is in the history.
    const first = document().shots[document().shotOrder[0]!]!;
    await page.locator(`[data-testid="bin-item"][data-key="shot:${first.id}"]`).click();
    await expect.poll(() => page.getByTestId('shot-inspector').getAttribute('data-shot-id')).toBe(first.id);
    const original = first.prompt;
    await page.getByTestId('shot-prompt').fill('A different idea entirely.');
    await page.getByTestId('shot-prompt').blur();
    await expect.poll(() => document().shots[first.id]!.prompt).toBe('A different idea entirely.');
    await page.getByRole('combobox', { name: 'Prompt history' }).selectOption(original);
    await expect.poll(() => document().shots[first.id]!.prompt).toBe(original);
    expect(errors).toEqual([]);
  });
});
