import type { Page } from 'playwright-core';
import type { KeyStatus } from '../../common/contract/channels/settingsKeys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { RunwayFake } from '../helpers/fakeProviders/runwayFake';
import { makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';
import { unlabelledControls } from './studioA11y';

/**
 * Settings → API keys in Chromium through the browser host: a key typed into the page goes to the
 * core once and never comes back: not in the DOM, not in web storage or cookies, not in any
 * WebSocket frame or HTTP response the page receives.
 */
describe('studio: settings and API keys', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let fake: RunwayFake;
  let temp: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];
  const received: string[] = [];
  const key = 'key_e2eSECRET0123456789abcdefSHOTLOOM';

  beforeAll(async () => {
    // A fake Runway that accepts exactly this key, so "Test" has something real to ask.
    temp = await makeTempDir('shotloom-keys-');
    fake = await RunwayFake.start({
      apiKey: key,
      outputFile: await makeVideoClip(temp.path, { frames: 24 }),
    });
    studio = await openStudio({
      core: { generation: { baseUrls: { runway: fake.url } } },
      project: { name: 'Keys' },
      onPage: (page) => {
        page.on('websocket', (socket) => {
          socket.on('framereceived', (frame) => received.push(String(frame.payload)));
        });
        page.on('response', (response) => {
          const type = response.headers()['content-type'] ?? '';
          if (/json|text|javascript/.test(type))
            void response.text().then(
              (text) => received.push(text),
              () => undefined,
            );
        });
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

  it('stores and tests a key without the key ever reaching the page', async () => {
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    const row = dialog.getByTestId('key-row-runway');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Not configured');
    await screenshot(page, 'studio-settings-keys-empty-1280x800');

    const input = row.getByTestId('key-input-runway');
    expect(await input.getAttribute('type')).toBe('password');
    await input.fill(key);
    await row.getByTestId('key-save-runway').click();
    await expect.poll(() => row.textContent()).toContain('Configured');
    expect(await input.inputValue()).toBe('');

    await row.getByTestId('key-test-runway').click();
    await row.getByTestId('key-test-result-runway').waitFor({ timeout: 30_000 });
    await expect.poll(() => row.textContent()).toContain('Key works');
    // The fake saw the key in the Authorization header: it went from the core, not the page.
    expect(fake.server.requests.some((request) => request.headers.authorization === `Bearer ${key}`)).toBe(
      true,
    );

    expect(await unlabelledControls(page, '[data-testid="settings-dialog"]')).toEqual([]);
    await screenshot(page, 'studio-settings-keys-1280x800');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'studio-settings-keys-1920x1080');

    // The core holds it...
    const listed = await web.core.invoke('settings:keys:list', {}, { host: 'web' });
    const statuses = listed.ok ? (listed.value as KeyStatus[]) : [];
    expect(statuses.find((status) => status.provider === 'runway')?.configured).toBe(true);
    // ...and the page never received it back.
    const html = await page.content();
    expect(html.includes(key)).toBe(false);
    const storage = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
    }));
    expect(JSON.stringify(storage).includes(key)).toBe(false);
    const cookies = await page.context().cookies();
    expect(JSON.stringify(cookies).includes(key)).toBe(false);
    expect(received.length).toBeGreaterThan(5);
    expect(received.filter((text) => text.includes(key))).toEqual([]);
    // Not even a fragment long enough to rebuild it.
    expect(received.some((text) => text.includes(key.slice(4, 24)))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows FFmpeg and the project defaults', async () => {
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByRole('radio', { name: 'General' }).click();
    await dialog.getByTestId('settings-general').waitFor();
    expect(await dialog.getByTestId('settings-general').textContent()).toMatch(/ffmpeg.*\d/);
    await screenshot(page, 'studio-settings-general-1920x1080');
    await dialog.getByRole('radio', { name: 'Project' }).click();
    await dialog.getByTestId('settings-project').waitFor();
    expect(await dialog.getByTestId('settings-project').textContent()).toContain('1920 × 1080');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'studio-settings-project-1280x800');
    expect(errors).toEqual([]);
  });

  it('lists the keyboard shortcuts', async () => {
    await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('Shift+?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    for (const action of ['Import media', 'New shot', 'Search the bin', 'Settings', 'Show or hide jobs']) {
      expect(text).toContain(action);
    }
    await screenshot(page, 'studio-shortcuts-1280x800');
    expect(errors).toEqual([]);
  });
});
