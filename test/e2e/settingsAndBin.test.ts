import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../common/contract';
import type { Project } from '../../common/model';
import { screenshot } from '../helpers/browser';
import { makeAudioFile, makeImage } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

/**
 * The gaps closed in the studio, through the real UI in Chromium: a favourite toggled on a bin card,
 * a project budget set in Settings ▸ Project, a named reference created from the shot inspector, music ducking set in the timeline toolbar;
 * each checked in the document the core holds.
 */
describe('studio: favourites, budget and named references', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];

  const document = async (): Promise<Project> => {
    const result = await web.core.invoke('project:get', {}, { host: 'web' });
    if (!result.ok || result.value === null) throw new Error('no project');
    return (result.value as ProjectSnapshot).document;
  };

  beforeAll(async () => {
    media = await makeTempDir('shotloom-settings-bin-');
    const still = await makeImage(media.path, { name: 'mara.png', width: 320, height: 180 });
    studio = await openStudio({
      project: { name: 'Gaps' },
      prepare: async (host) => {
        web = host;
        const imported = await web.core.invoke(
          'media:import',
          { source: { kind: 'paths', paths: [still] }, storage: 'copy' },
          { host: 'cli' },
        );
        expect(imported.ok).toBe(true);
        const shot = await web.core.invoke(
          'project:edit',
          { command: { type: 'createShot', id: 'sh_alley', fields: { name: 'Alley' } } },
          { host: 'web' },
        );
        expect(shot.ok).toBe(true);
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

  it('imports a folder from the bin: its media files and its subfolders, nothing else', async () => {
    const folder = join(media.path, 'Scout');
    await mkdir(join(folder, 'stills'), { recursive: true });
    await makeAudioFile(folder, { name: 'wind.wav', seconds: 0.3 });
    await makeImage(join(folder, 'stills'), { name: 'pier.png', width: 160, height: 90 });
    await writeFile(join(folder, 'notes.txt'), 'location notes');
    const before = Object.keys((await document()).assets).length;
    // The folder button opens the browser's folder picker (a webkitdirectory input).
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('bin-import-folder').click();
    await (await chooser).setFiles(folder);
    await expect
      .poll(
        async () =>
          Object.values((await document()).assets)
            .map((asset) => asset.name)
            .sort(),
        {
          timeout: 30_000,
        },
      )
      .toEqual(expect.arrayContaining(['pier.png', 'wind.wav']));
    expect(Object.keys((await document()).assets)).toHaveLength(before + 2);
    await expect.poll(() => page.locator('.bin-status').textContent()).toMatch(/Imported 2 files/);
    expect(errors).toEqual([]);
  });

  it('marks media as a favourite from its card and edits its tags from the details strip', async () => {
    const card = page.locator('[data-testid="bin-item"][data-key^="asset:"]').first();
    await card.waitFor();
    const star = card.getByRole('button', { name: 'Mark mara.png as favourite' });
    await star.click();
    await expect.poll(async () => Object.values((await document()).assets)[0]?.favourite).toBe(true);
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    expect((await document()).ledger).toEqual([]);

    const tags = page.getByTestId('asset-details').getByLabel('Tags');
    await tags.fill('hero, night');
    await tags.press('Enter');
    await expect
      .poll(async () => Object.values((await document()).assets)[0]?.tags)
      .toEqual(['hero', 'night']);
    expect(errors).toEqual([]);
  });

  it('sets the project budget in Settings ▸ Project', async () => {
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Project' }).click();
    const budget = dialog.getByLabel('Budget (US$)');
    await budget.fill('25.50');
    await dialog.getByRole('button', { name: 'Set budget' }).click();
    // Typing on at once: the answer to the first edit must not wipe what is being typed.
    await budget.fill('-3');
    await expect.poll(async () => (await document()).settings.budgetCents).toBe(2550);
    expect(await budget.inputValue()).toBe('-3');
    await dialog.getByRole('button', { name: 'Set budget' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Enter dollars');
    expect((await document()).settings.budgetCents).toBe(2550);
    await screenshot(page, 'settings-project-budget-1280x800');

    // New-project defaults live in the app settings (General), not in the document.
    await dialog.getByRole('radio', { name: 'General' }).click();
    const form = dialog.getByRole('form', { name: 'New project defaults' });
    await form.getByLabel('Width').fill('1280');
    await form.getByLabel('Height').fill('720');
    await form.getByRole('button', { name: 'Save defaults' }).click();
    await expect.poll(() => web.core.settings.peek().defaults).toMatchObject({ width: 1280, height: 720 });
    await screenshot(page, 'settings-general-1280x800');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('ducks music under dialogue from the timeline toolbar', async () => {
    const control = page.getByTestId('ducking-control');
    await control.getByLabel('Duck music under dialogue').check();
    const amount = control.getByLabel('Lower music by (dB)');
    await amount.fill('18');
    const ducking = async () => Object.values((await document()).sequences)[0]?.ducking;
    await expect.poll(ducking).toEqual({ enabled: true, amountDb: -18 });
    await amount.fill('90');
    await expect.poll(() => control.getByRole('alert').textContent()).toContain('dB');
    expect(await ducking()).toEqual({ enabled: true, amountDb: -18 });
    expect(errors).toEqual([]);
  });

  it('creates a named reference from the shot inspector', async () => {
    await page.locator('[data-testid="bin-item"][data-key="shot:sh_alley"]').click();
    await expect.poll(() => page.getByTestId('shot-inspector').getAttribute('data-shot-id')).toBe('sh_alley');
    const section = page.getByRole('region', { name: 'Reference images' });
    await section.getByLabel('Reference name').fill('Mara');
    await section.getByRole('button', { name: 'Add reference' }).click();
    await expect
      .poll(async () => Object.values((await document()).references).map((reference) => reference.name))
      .toEqual(['Mara']);
    const [reference] = Object.values((await document()).references);
    const asset = Object.values((await document()).assets)[0];
    expect(reference?.assetId).toBe(asset?.id);
    const chip = section.getByRole('button', { name: 'Reference Mara', exact: true });
    await chip.click();
    await expect.poll(async () => (await document()).shots.sh_alley?.referenceIds).toEqual([reference?.id]);
    await screenshot(page, 'shot-inspector-named-reference-1280x800');

    // A reference a shot uses is not deleted: the refusal names the shot; detached, it goes.
    await section.getByRole('button', { name: 'Delete reference Mara' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('"Alley"');
    expect(Object.keys((await document()).references)).toHaveLength(1);
    await chip.click();
    await section.getByRole('button', { name: 'Delete reference Mara' }).click();
    await expect.poll(async () => Object.keys((await document()).references)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
