import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { RunwayFake } from '../helpers/fakeProviders/runwayFake';
import { makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';
import { unlabelledControls } from './studioA11y';

/**
 * A moderation failure from a (fake) remote provider, explained in the takes list and the jobs
 * panel in words a creator understands, with the provider's code in the details, and never retried
 * automatically: the fake sees exactly one create.
 */
describe('studio: a moderation failure explained', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let fake: RunwayFake;
  let temp: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];
  const apiKey = 'key_runway_fake_0123456789abcdef';

  beforeAll(async () => {
    temp = await makeTempDir('shotloom-moderation-');
    const output = await makeVideoClip(temp.path, { name: 'out.mp4', frames: 48 });
    fake = await RunwayFake.start({ apiKey, outputFile: output });
    fake.scripts.push({
      runningPolls: 1,
      failure: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'The prompt was flagged by content moderation.' },
    });
    studio = await openStudio({
      core: {
        generation: {
          baseUrls: { runway: fake.url },
          engine: { pollIntervalMs: 50, backoff: { baseMs: 20, capMs: 200 } },
        },
      },
      project: { name: 'Moderation' },
      prepare: async (host) => {
        web = host;
        const stored = await web.core.invoke(
          'settings:keys:set',
          { provider: 'runway', key: apiKey },
          { host: 'web' },
        );
        expect(stored.ok).toBe(true);
      },
      pageErrors: errors,
      waitFor: 'bin',
    });
    ({ web, page } = studio);
  });
  afterAll(async () => {
    await studio?.stop();
    await fake?.close();
    await temp?.remove();
  });

  it('shows what the provider refused and what to do, without retrying', async () => {
    await page.getByTestId('new-shot').click();
    await page.getByTestId('shot-prompt').fill('A crowd storms the harbour at night.');
    await page.getByTestId('shot-model').selectOption('runway/gen4.5');
    await expect.poll(() => page.getByTestId('model-fit').count()).toBe(0);
    await expect.poll(() => page.getByTestId('cost-estimate').textContent()).toMatch(/^\$\d+\.\d\d$/);
    await page.getByTestId('generate').click();

    const failed = page.locator('[data-testid="take-row"][data-status="failed"]');
    await failed.waitFor({ timeout: 60_000 });
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('content filter refused this shot');
    expect(text).toContain('Reword the prompt');
    await failed.getByText('Details').click();
    expect(await failed.locator('code').textContent()).toContain('PROVIDER_MODERATION');

    await page.getByTestId('jobs-button').click();
    const job = page.locator('[data-testid="job-row"][data-status="failed"]');
    await job.waitFor();
    await job.getByText('Details').click();
    expect(await job.getByTestId('job-error-code').textContent()).toMatch(
      /PROVIDER_MODERATION.*SAFETY\.INPUT\.TEXT/,
    );
    expect(await job.getByRole('button', { name: 'Edit the shot' }).count()).toBe(1);
    expect(await unlabelledControls(page, '[data-testid="jobs-panel"]')).toEqual([]);
    await screenshot(page, 'studio-moderation-1280x800');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'studio-moderation-1920x1080');

    // Never retried automatically: one create, one job, one take.
    await page.waitForTimeout(1000);
    expect(fake.createCount).toBe(1);
    const snapshot = web.core.projects.snapshot()!;
    expect(Object.keys(snapshot.document.takes)).toHaveLength(1);

    // A manual retry of the unchanged shot is refused with a reason.
    await job.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.jobs-message').waitFor();
    expect(fake.createCount).toBe(1);
    expect(errors).toEqual([]);
  });
});
