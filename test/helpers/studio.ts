import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CoreOptions } from '../../main/core/createCore';
import { launchChromium } from './browser';
import { startTestWebHost, type RunningWebHost } from './webHostFixture';

export interface Studio {
  web: RunningWebHost;
  browser: Browser;
  page: Page;
  /** Closes Chromium, then stops the host and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * The editor as an e2e test drives it: the browser host on the built renderer, a new project in its
 * projects folder (unless `project` is null), whatever `prepare` sets up through the core, then
 * Chromium at 1280×800 on the page, its errors collected into `pageErrors`, waiting for a test id.
 */
export async function openStudio(options: {
  core?: Omit<CoreOptions, 'host' | 'dataDir'>;
  /** project:new's name and any other fields (size, rate); null opens no project. */
  project: ({ name: string } & Record<string, unknown>) | null;
  /** Setup through the core before the page opens (imports, edits, keys, event listeners). */
  prepare?: (web: RunningWebHost) => Promise<void>;
  /** Listeners on the page before it loads. */
  onPage?: (page: Page) => void;
  pageErrors?: string[];
  /** A test id to wait for once the page is loaded. */
  waitFor?: string;
}): Promise<Studio> {
  if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first (npm test does).');
  }
  const web = await startTestWebHost(options.core ? { core: options.core } : {});
  let browser: Browser | null = null;
  try {
    if (options.project) {
      const created = await web.core.invoke(
        'project:new',
        { location: { kind: 'projectsRoot', name: options.project.name }, ...options.project },
        { host: 'web' },
      );
      if (!created.ok) throw new Error(`project:new: ${created.error.message}`);
    }
    await options.prepare?.(web);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => options.pageErrors?.push(error.message));
    options.onPage?.(page);
    await page.goto(web.host.url);
    if (options.waitFor) await page.getByTestId(options.waitFor).waitFor();
    const opened = browser;
    return {
      web,
      browser: opened,
      page,
      stop: async () => {
        await opened.close();
        await web.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await web.stop();
    throw error;
  }
}
