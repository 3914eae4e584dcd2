import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../common/contract';
import { screenshot } from '../helpers/browser';
import { makeVideoClip } from '../helpers/makeMedia';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

describe('project chrome and timeline interchange in Chromium', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;

  beforeAll(async () => {
    studio = await openStudio({ project: null });
    ({ web, page } = studio);
  });
  afterAll(async () => {
    await studio?.stop();
  });

  it('starts on the welcome screen and creates a project from it', async () => {
    await page.getByTestId('welcome-screen').waitFor();
    await screenshot(page, 'welcome-1280x800');
    await page
      .getByTestId('welcome-screen')
      .getByRole('button', { name: /New project/ })
      .click();
    await page.getByTestId('project-name').fill('Harbour at dawn');
    await page.getByTestId('create-project').click();
    await page.getByTestId('project-title').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toContain('Harbour at dawn');
    expect(await page.getByTestId('welcome-screen').count()).toBe(0);
    expect(existsSync(join(web.dataDir, 'projects', 'Harbour at dawn', 'project.shotloom'))).toBe(true);
  });

  it('exports the sequence as FCPXML from the interchange dialog and imports it back', async () => {
    // Media and a cut, made through the core (the bin and timeline have their own tests).
    const footage = join(web.dataDir, 'footage');
    await mkdir(footage, { recursive: true });
    const clip = await makeVideoClip(footage, {
      name: 'harbour.mp4',
      width: 320,
      height: 180,
      rate: 24,
      frames: 36,
    });
    const call = async (channel: string, request: unknown) => {
      const result = await web.core.invoke(channel, request, { host: 'cli' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    const imported = (await call('media:import', { source: { kind: 'paths', paths: [clip] } })) as {
      imported: Array<{ assetId: string }>;
    };
    const snapshot = (await call('project:get', {})) as ProjectSnapshot;
    const sequence = snapshot.document.sequences[snapshot.document.sequenceOrder[0]!]!;
    await call('project:edit', {
      command: {
        type: 'appendClip',
        sequenceId: sequence.id,
        trackId: sequence.videoTracks[0]!.id,
        clip: { assetId: imported.imported[0]!.assetId, sourceIn: 6, durationFrames: 24 },
      },
    });

    await page.getByTestId('export-timeline').click();
    await page.getByTestId('interchange-format').selectOption('fcpxml');
    await page.getByTestId('interchange-export').click();
    await page.getByTestId('interchange-export-result').waitFor();
    const exportedPath = join(snapshot.folder, 'exports', `${sequence.name}.fcpxml`);
    expect(await page.getByTestId('interchange-export-result').textContent()).toContain(exportedPath);
    const fcpxml = await readFile(exportedPath, 'utf8');
    expect(fcpxml).toContain('<fcpxml version="1.10">');
    await screenshot(page, 'interchange-export-1280x800');

    await page
      .getByTestId('interchange-dialog')
      .getByRole('radio', { name: /Import/ })
      .click();
    await page.getByTestId('interchange-file').setInputFiles(exportedPath);
    await page.getByTestId('interchange-import').click();
    await page.getByTestId('interchange-import-result').waitFor();
    expect(await page.getByTestId('interchange-import-result').textContent()).toMatch(
      /1 clip\(s\) linked, 0 file\(s\) imported, 0 missing/,
    );
    const after = (await call('project:get', {})) as ProjectSnapshot;
    expect(after.document.sequenceOrder).toHaveLength(2);
    const importedSequence = after.document.sequences[after.document.sequenceOrder[1]!]!;
    expect(importedSequence.videoTracks[0]!.items).toEqual([
      expect.objectContaining({ type: 'clip', sourceIn: 6, durationFrames: 24 }),
    ]);
    await screenshot(page, 'interchange-import-1280x800');
    await page.keyboard.press('Escape');
  });

  it('Ctrl+S saves: the unsaved-changes dot goes away', async () => {
    await page.locator('.dirty-dot').waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('.dirty-dot').waitFor({ state: 'detached' });
    const saved = JSON.parse(
      await readFile(join(web.dataDir, 'projects', 'Harbour at dawn', 'project.shotloom'), 'utf8'),
    );
    expect(saved.sequenceOrder).toHaveLength(2);
  });

  it('shows a failed autosave in the status bar until "Save now" saves the changes', async () => {
    const folder = join(web.dataDir, 'projects', 'Harbour at dawn');
    const edit = await web.core.invoke(
      'project:edit',
      { command: { type: 'renameProject', name: 'Harbour at noon' } },
      { host: 'cli' },
    );
    expect(edit.ok).toBe(true);
    await page.locator('.dirty-dot').waitFor();
    // A real write failure: a file stands where the recovery folder goes.
    await rm(join(folder, '.recovery'), { recursive: true, force: true });
    await writeFile(join(folder, '.recovery'), 'not a folder');
    try {
      await expect(web.core.projects.autosave()).rejects.toThrow(/Autosave failed/);
      const status = page.getByTestId('autosave-status');
      await status.waitFor();
      expect(await status.textContent()).toMatch(/Autosave failed\. Unsaved changes are only in memory\./);
      await screenshot(page, 'autosave-failed-1280x800');
      await status.getByRole('button', { name: 'Save now' }).click();
      await status.waitFor({ state: 'detached' });
      await page.locator('.dirty-dot').waitFor({ state: 'detached' });
      const saved = JSON.parse(await readFile(join(folder, 'project.shotloom'), 'utf8'));
      expect(saved.name).toBe('Harbour at noon');
    } finally {
      await rm(join(folder, '.recovery'), { force: true });
    }
  });
});
