import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, Sequence, Track } from '../../common/model';
import { screenshot } from '../helpers/browser';
import { makeAudioFile, makeVideoClip } from '../helpers/makeMedia';
import { makeTempDir } from '../helpers/tempDir';
import { openStudio, type Studio } from '../helpers/studio';
import type { RunningWebHost } from '../helpers/webHostFixture';

/**
 * The timeline end to end in Chromium through the browser host: five clips and a music track
 * dropped from the bin; trim, split, move, ripple delete, two dissolves and a volume keyframe, each
 * undone and redone; playback through a cut. Screenshots of the waveforms at two zoom levels.
 */
describe('timeline editing', () => {
  let web: RunningWebHost;
  let studio: Studio;
  let page: Page;
  let media: { path: string; remove: () => Promise<void> };
  const errors: string[] = [];

  function sequence(): Sequence {
    const snapshot = web.core.projects.snapshot();
    if (!snapshot) throw new Error('no project open');
    return Object.values(snapshot.document.sequences)[0]!;
  }
  const v1 = (): Track => sequence().videoTracks[0]!;
  const music = (): Track => sequence().audioTracks.find((track) => track.role === 'music')!;
  const clipsOf = (track: Track): Clip[] => track.items.filter((item): item is Clip => item.type === 'clip');
  const shape = (track: Track) => track.items.map((item) => `${item.type}:${item.durationFrames}`).join(' ');
  const assetIdByName = (name: string) => {
    const asset = Object.values(web.core.projects.snapshot()!.document.assets).find(
      (candidate) => candidate.name === name,
    );
    if (!asset) throw new Error(`no asset ${name}`);
    return asset.id;
  };

  async function waitForRevision(before: number): Promise<void> {
    await expect
      .poll(() => web.core.projects.snapshot()!.revision, { timeout: 10_000 })
      .toBeGreaterThan(before);
    await page.waitForTimeout(120);
  }

  /** Viewport x of a frame on the lanes, and the vertical middle of a track's lane. */
  async function frameX(frame: number): Promise<number> {
    const timeline = page.getByTestId('timeline');
    const px = Number(await timeline.getAttribute('data-px-per-frame'));
    const scroll = Number(await timeline.getAttribute('data-scroll-px'));
    const lanes = (await page.getByTestId('timeline-lanes').boundingBox())!;
    return lanes.x + frame * px - scroll;
  }
  async function trackY(trackId: string, where = 0.5): Promise<number> {
    const header = (await page
      .locator(`[data-testid="track-header"][data-track-id="${trackId}"]`)
      .boundingBox())!;
    return header.y + header.height * where;
  }
  async function clipBox(clipId: string) {
    const box = await page.locator(`[data-testid="timeline-clip"][data-clip-id="${clipId}"]`).boundingBox();
    if (!box) throw new Error(`clip ${clipId} not on screen`);
    return box;
  }

  /** Ctrl+Z must bring back `before`, Ctrl+Shift+Z `after` (the sequence as JSON). */
  async function undoRedo(before: string, after: string): Promise<void> {
    let revision = web.core.projects.snapshot()!.revision;
    await page.keyboard.press('Control+z');
    await waitForRevision(revision);
    expect(JSON.stringify(sequence())).toBe(before);
    revision = web.core.projects.snapshot()!.revision;
    await page.keyboard.press('Control+Shift+z');
    await waitForRevision(revision);
    expect(JSON.stringify(sequence())).toBe(after);
  }

  /** Runs a UI edit; answers the sequence before and after it as JSON. */
  async function edit(action: () => Promise<void>): Promise<{ before: string; after: string }> {
    const before = JSON.stringify(sequence());
    const revision = web.core.projects.snapshot()!.revision;
    await action();
    await waitForRevision(revision);
    return { before, after: JSON.stringify(sequence()) };
  }

  async function drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    modifier?: 'Control' | 'Alt',
  ) {
    if (modifier) await page.keyboard.down(modifier);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    if (modifier) await page.keyboard.up(modifier);
  }

  beforeAll(async () => {
    media = await makeTempDir('shotloom-timeline-media-');
    const files: string[] = [];
    for (let index = 1; index <= 5; index += 1) {
      files.push(
        await makeVideoClip(media.path, {
          name: `shot${index}.mp4`,
          width: 640,
          height: 360,
          frames: 48,
          rate: 24,
          gop: 12,
          syncMarker: { startFrame: 40 + index, frames: 1 },
        }),
      );
    }
    files.push(await makeAudioFile(media.path, { name: 'music.wav', seconds: 10, frequency: 330 }));
    studio = await openStudio({
      project: { name: 'Cut', width: 640, height: 360, rate: { num: 24, den: 1 } },
      pageErrors: errors,
      waitFor: 'timeline',
    });
    ({ web, page } = studio);
    await page.getByTestId('bin-file-input').setInputFiles(files);
    const deadline = Date.now() + 20_000;
    while (Object.keys(web.core.projects.snapshot()!.document.assets).length < 6) {
      if (Date.now() > deadline) {
        await screenshot(page, 'timeline-import-failed');
        throw new Error(`the six files were not imported within 60 s: ${errors.join('; ')}`);
      }
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(500);
  });
  afterAll(async () => {
    await studio?.stop();
    await media?.remove();
  });

  it('builds a sequence of five clips and a music track by dropping from the bin', async () => {
    const lanes = page.getByTestId('timeline-lanes');
    const lanesBox = (await lanes.boundingBox())!;
    for (let index = 1; index <= 5; index += 1) {
      const clips = clipsOf(v1());
      const endFrame = clips.reduce((sum, clip) => sum + clip.durationFrames, 0);
      const x = (await frameX(endFrame)) + 3 - lanesBox.x;
      const y = (await trackY(v1().id)) - lanesBox.y;
      const revision = web.core.projects.snapshot()!.revision;
      await page
        .locator(`[data-testid="bin-item"][data-key="asset:${assetIdByName(`shot${index}.mp4`)}"]`)
        .dragTo(lanes, { targetPosition: { x, y } });
      await waitForRevision(revision);
    }
    const revision = web.core.projects.snapshot()!.revision;
    await page
      .locator(`[data-testid="bin-item"][data-key="asset:${assetIdByName('music.wav')}"]`)
      .dragTo(lanes, { targetPosition: { x: 2, y: (await trackY(music().id)) - lanesBox.y } });
    await waitForRevision(revision);
    expect(shape(v1())).toBe('clip:48 clip:48 clip:48 clip:48 clip:48');
    expect(clipsOf(music()).map((clip) => clip.durationFrames)).toEqual([240]);
    await page.getByTestId('timeline-fit').click();
    await page.locator('.clip-waveform canvas').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(600);
    await screenshot(page, 'timeline-waveforms-fit');
    await page.getByTestId('timeline').hover();
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('+');
    await page.waitForTimeout(700);
    await screenshot(page, 'timeline-waveforms-zoomed');
    await page.getByTestId('timeline-fit').click();
    expect(errors).toEqual([]);
  });

  it('trims with and without ripple, and undoes and redoes each', async () => {
    const [, second, third] = clipsOf(v1());
    // Ripple-trim the end of clip 2 back by 12 frames (Ctrl held): clip 3 follows.
    const y = await trackY(v1().id);
    let box = await clipBox(second!.id);
    const px = Number(await page.getByTestId('timeline').getAttribute('data-px-per-frame'));
    const endTrim = await edit(() =>
      drag({ x: box.x + box.width - 2, y }, { x: box.x + box.width - 2 - 12 * px, y }, 'Control'),
    );
    expect(shape(v1())).toBe('clip:48 clip:36 clip:48 clip:48 clip:48');
    await undoRedo(endTrim.before, endTrim.after);
    // Ripple-trim the start of clip 3 by 12 frames: it starts later in its media.
    box = await clipBox(third!.id);
    const startTrim = await edit(() => drag({ x: box.x + 2, y }, { x: box.x + 2 + 12 * px, y }, 'Control'));
    expect(shape(v1())).toBe('clip:48 clip:36 clip:36 clip:48 clip:48');
    expect(clipsOf(v1())[2]!.sourceIn).toBe(12);
    await undoRedo(startTrim.before, startTrim.after);
  });

  it('splits at the playhead, moves a clip and ripple deletes one, with undo and redo', async () => {
    const first = clipsOf(v1())[0]!;
    // Playhead to frame 24 on the ruler, select clip 1, blade.
    const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
    await page.mouse.click(await frameX(24), ruler.y + 8);
    await expect.poll(() => page.getByTestId('program-timecode').getAttribute('data-frame')).toBe('24');
    const y = await trackY(v1().id);
    const box = await clipBox(first.id);
    await page.mouse.click(box.x + box.width * 0.75, y);
    const split = await edit(() => page.keyboard.press('b'));
    expect(shape(v1())).toBe('clip:24 clip:24 clip:36 clip:36 clip:48 clip:48');
    expect(clipsOf(music())).toHaveLength(1);
    await undoRedo(split.before, split.after);

    // Move the last clip 24 frames later: a gap opens before it.
    const last = clipsOf(v1())[5]!;
    const lastBox = await clipBox(last.id);
    const px = Number(await page.getByTestId('timeline').getAttribute('data-px-per-frame'));
    const move = await edit(() =>
      drag({ x: lastBox.x + lastBox.width / 2, y }, { x: lastBox.x + lastBox.width / 2 + 24 * px, y }),
    );
    expect(shape(v1())).toBe('clip:24 clip:24 clip:36 clip:36 clip:48 gap:24 clip:48');
    await undoRedo(move.before, move.after);

    // Ripple delete clip 5 (the fourth shot): everything after it moves left.
    const fourth = clipsOf(v1())[4]!;
    const fourthBox = await clipBox(fourth.id);
    await page.mouse.click(fourthBox.x + fourthBox.width / 2, y);
    const ripple = await edit(() => page.keyboard.press('Shift+Delete'));
    expect(shape(v1())).toBe('clip:24 clip:24 clip:36 clip:36 gap:24 clip:48');
    await undoRedo(ripple.before, ripple.after);
  });

  it('adds two dissolves dragged onto cuts, with undo and redo', async () => {
    const lanes = page.getByTestId('timeline-lanes');
    const lanesBox = (await lanes.boundingBox())!;
    const y = (await trackY(v1().id)) - lanesBox.y;
    // Cut 1: between the two halves of the split clip (frame 24). Cut 2: clip 2 | clip 3 (frame 84).
    for (const cutFrame of [24, 84]) {
      const x = (await frameX(cutFrame)) - lanesBox.x;
      const result = await edit(() =>
        page.getByTestId('transition-chip-dissolve').dragTo(lanes, { targetPosition: { x, y } }),
      );
      await undoRedo(result.before, result.after);
    }
    const transitions = v1().items.filter((item) => item.type === 'transition');
    expect(transitions.map((item) => [item.type, item.durationFrames])).toEqual([
      ['transition', 12],
      ['transition', 12],
    ]);
    expect(shape(v1())).toBe('clip:24 transition:12 clip:24 clip:36 transition:12 clip:36 gap:24 clip:48');
  });

  it('draws a volume keyframe on the music and drags it, with undo and redo', async () => {
    const musicClip = clipsOf(music())[0]!;
    const box = await clipBox(musicClip.id);
    // The volume line sits at 0 dB: find it from the sound area (below the 15 px name strip).
    const soundTop = box.y + 15;
    const soundHeight = box.height - 15;
    const zeroDbY = soundTop + 4 + (1 - 60 / 72) * (soundHeight - 8);
    const x = box.x + box.width * 0.5;
    await page.keyboard.down('Control');
    const add = await edit(() => page.mouse.click(x, zeroDbY));
    await page.keyboard.up('Control');
    const keyframes = clipsOf(music())[0]!.volumeKeyframes;
    expect(keyframes).toHaveLength(1);
    expect(keyframes[0]!.value).toBeCloseTo(0, 0);
    await undoRedo(add.before, add.after);
    const lower = await edit(() => drag({ x, y: zeroDbY }, { x, y: zeroDbY + 12 }));
    expect(clipsOf(music())[0]!.volumeKeyframes[0]!.value).toBeLessThan(-3);
    await undoRedo(lower.before, lower.after);
    await page.waitForTimeout(300);
    await screenshot(page, 'timeline-edited');
    expect(errors).toEqual([]);
  });

  it('copies a clip and pastes it at the end (one undo step), keeping its volume keyframes', async () => {
    const musicClip = clipsOf(music())[0]!;
    const box = await clipBox(musicClip.id);
    await page.mouse.click(box.x + 30, box.y + 8);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('program-timecode').getAttribute('data-frame')).toBe('240');
    const paste = await edit(() => page.keyboard.press('Control+v'));
    const pasted = clipsOf(music());
    expect(pasted).toHaveLength(2);
    expect(pasted[1]!.assetId).toBe(musicClip.assetId);
    expect(pasted[1]!.volumeKeyframes).toEqual(musicClip.volumeKeyframes);
    expect(shape(music())).toBe('clip:240 clip:240');
    await undoRedo(paste.before, paste.after);
    const revision = web.core.projects.snapshot()!.revision;
    await page.keyboard.press('Control+z');
    await waitForRevision(revision);
    expect(clipsOf(music())).toHaveLength(1);
    await page.keyboard.press('Home');
  });

  it('plays through a cut: the viewer moves on to the next clip', async () => {
    const items = clipsOf(v1());
    const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
    // Clip 3 (the second shot, trimmed) ends at frame 84 where clip 4 begins after a dissolve;
    // the plain cut at frame 48 (split half → shot 2) is the one we play through.
    await page.mouse.click(await frameX(36), ruler.y + 8);
    await expect.poll(() => page.getByTestId('program-timecode').getAttribute('data-frame')).toBe('36');
    const picture = page.getByTestId('program-picture');
    await expect.poll(() => picture.getAttribute('data-active-clip-id')).toBe(items[1]!.id);
    await page.keyboard.press('Space');
    const samples: Array<{ frame: number; clip: string; time: number; drift: number }> = [];
    for (let index = 0; index < 30; index += 1) {
      await page.waitForTimeout(60);
      samples.push(
        await picture.evaluate((element: HTMLElement) => ({
          frame: Number(element.dataset.frame),
          clip: element.dataset.activeClipId ?? '',
          time: Number(element.dataset.videoTime),
          drift: Number(element.dataset.audioDriftMs),
        })),
      );
    }
    await page.keyboard.press('Space');
    const frames = samples.map((sample) => sample.frame);
    expect(frames[frames.length - 1]!).toBeGreaterThan(52);
    expect(samples.some((sample) => sample.clip === items[1]!.id)).toBe(true);
    const after = samples.filter((sample) => sample.clip === items[2]!.id);
    expect(after.length).toBeGreaterThan(3);
    // The incoming clip's video advances from its own start.
    expect(after[after.length - 1]!.time).toBeGreaterThan(after[0]!.time);
    const settled = samples
      .slice(8)
      .map((sample) => sample.drift)
      .sort((a, b) => a - b);
    expect(settled[Math.floor(settled.length / 2)]!).toBeLessThan(1000 / 24);
    expect(errors).toEqual([]);
  });

  it('sets track mute, lock and height, adds and renames a marker, and inserts from the source viewer', async () => {
    // Mute the music track from its header, then undo and redo it.
    const mute = await edit(() =>
      page
        .locator(`[data-testid="track-header"][data-track-id="${music().id}"] button[title="Mute"]`)
        .click(),
    );
    expect(music().muted).toBe(true);
    await undoRedo(mute.before, mute.after);
    // Drag A1's bottom edge 30 px down.
    const a1 = sequence().audioTracks[0]!;
    const handle = (await page
      .locator(`[data-testid="track-header"][data-track-id="${a1.id}"] .track-resize`)
      .boundingBox())!;
    await edit(() =>
      drag(
        { x: handle.x + 40, y: handle.y + handle.height / 2 },
        { x: handle.x + 40, y: handle.y + handle.height / 2 + 30 },
      ),
    );
    expect(sequence().audioTracks[0]!.heightPx).toBe(a1.heightPx + 30);

    // A marker at the playhead (M), renamed on the ruler.
    const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
    await page.mouse.click(await frameX(60), ruler.y + 8);
    await edit(() => page.keyboard.press('m'));
    expect(sequence().markers).toMatchObject([{ frame: 60, name: 'Marker 1' }]);
    await page.mouse.dblclick((await frameX(60)) + 3, ruler.y + 22);
    const rename = page.getByTestId('marker-rename');
    await rename.fill('Chorus');
    await edit(() => rename.press('Enter'));
    expect(sequence().markers[0]!.name).toBe('Chorus');

    // Lock V1: a drag on it changes nothing; unlock.
    await edit(() =>
      page.locator(`[data-testid="track-header"][data-track-id="${v1().id}"] button[title="Lock"]`).click(),
    );
    expect(v1().locked).toBe(true);
    await edit(() =>
      page.locator(`[data-testid="track-header"][data-track-id="${v1().id}"] button[title="Lock"]`).click(),
    );

    // Source viewer: drop shot3 on the viewer, mark 0–12 frames, insert at the playhead (frame 60).
    await page
      .locator(`[data-testid="bin-item"][data-key="asset:${assetIdByName('shot3.mp4')}"]`)
      .dragTo(page.getByTestId('viewer'));
    await expect.poll(() => page.getByTestId('viewer').getAttribute('data-mode')).toBe('source');
    await page
      .getByTestId('source-viewer')
      .locator('video')
      .evaluate(
        (video: HTMLVideoElement) =>
          new Promise((resolve) =>
            video.readyState >= 1 ? resolve(null) : video.addEventListener('loadedmetadata', resolve),
          ),
      );
    await page.getByTestId('source-viewer').locator('video').click();
    await page.keyboard.press('i');
    for (let step = 0; step < 12; step += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('o');
    const before = v1().items.length;
    const insert = await edit(() => page.keyboard.press(',')).catch(async (error: Error) => {
      const message = await page
        .locator('.viewer-message')
        .textContent()
        .catch(() => null);
      const time = await page.getByTestId('source-timecode').textContent();
      throw new Error(`${error.message}; viewer says: ${message}; source at ${time}`);
    });
    const inserted = clipsOf(v1()).find(
      (clip) => clip.assetId === assetIdByName('shot3.mp4') && clip.durationFrames === 12,
    );
    expect(
      inserted,
      JSON.stringify(clipsOf(v1()).map((clip) => [clip.name, clip.sourceIn, clip.durationFrames])),
    ).toBeDefined();
    expect(v1().items.length).toBeGreaterThan(before);
    await undoRedo(insert.before, insert.after);
    await page.getByRole('tab', { name: 'Program' }).click();
    await screenshot(page, 'timeline-markers-tracks');
    expect(errors).toEqual([]);
  });
});
