import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../helpers/browser';
import { startTestWebHost, type RunningWebHost } from '../helpers/webHostFixture';

describe('app shell in Chromium through the browser host', () => {
  let web: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) {
      throw new Error('The renderer is not built: run "npm run build" first (npm test does).');
    }
    web = await startTestWebHost();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('renders the editor layout and round-trips app:info', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(web.host.url);
    await page.getByTestId('app-shell').waitFor();
    for (const area of ['bin', 'viewer', 'inspector', 'timeline']) {
      await expect(page.getByTestId(`panel-${area}`).isVisible()).resolves.toBe(true);
    }
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-host').textContent()).toBe('Browser host');
    expect(await page.getByTestId('ffmpeg-version').textContent()).toMatch(/^FFmpeg \d/);
    expect(await page.getByTestId('ffmpeg-banner').count()).toBe(0);
    const path = await screenshot(page, 'app-shell-1280x800');
    expect(existsSync(path)).toBe(true);
    expect(errors).toEqual([]);
  });
});
