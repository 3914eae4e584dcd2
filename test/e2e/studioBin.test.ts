import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../helpers/browser';
import { startTestWebHost, type RunningWebHost } from '../helpers/webHostFixture';

describe('studio: clip bin', () => {
  let web: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) {
      throw new Error('The renderer is not built: run "npm run build" first (npm test does).');
    }
    web = await startTestWebHost();
    const created = await web.core.invoke(
      'project:new',
      { name: 'Lighthouse', location: { kind: 'projectsRoot', name: 'Lighthouse' } },
      { host: 'web' },
    );
    expect(created.ok).toBe(true);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('shows the bin of the open project', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(web.host.url);
    await page.getByTestId('bin').waitFor();
    await screenshot(page, 'studio-bin-empty-1280x800');
    expect(errors).toEqual([]);
  });
});
