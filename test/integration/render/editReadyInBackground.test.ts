import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { keyframeFramesOf } from './renderFixtures';
import { editReadyPaths } from '../../../main/services/render/editReady';
import { makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { startMediaCore, type MediaTestCore } from '../media/mediaCore';

type Finished = { jobId: string; ok: boolean; error?: { code: string; message: string } };

/** Records the core's render events; `finished(jobId)` resolves when that job has ended. */
function renderEvents(media: MediaTestCore) {
  const log: Array<{ event: EventName; payload: { jobId: string } }> = [];
  const waiters = new Map<string, (payload: Finished) => void>();
  media.core.events.subscribe((event, payload) => {
    if (event !== 'render:progressed' && event !== 'render:finished') return;
    log.push({ event, payload: payload as { jobId: string } });
    if (event === 'render:finished') waiters.get((payload as Finished).jobId)?.(payload as Finished);
  });
  const finishedOf = (jobId: string) =>
    log.find((entry) => entry.event === 'render:finished' && entry.payload.jobId === jobId)?.payload as
      Finished | undefined;
  return {
    log,
    jobIds: () => [...new Set(log.map((entry) => entry.payload.jobId))],
    finished: (jobId: string) =>
      new Promise<Finished>((resolve) => {
        const done = finishedOf(jobId);
        if (done) resolve(done);
        else waiters.set(jobId, resolve);
      }),
  };
}

describe('edit-ready copies in the background', () => {
  let media: MediaTestCore | null = null;
  afterEach(async () => {
    await media?.stop();
    media = null;
  });

  it('are made when a long-GOP video is imported (not for sound or recordings over five minutes), cut every half second, and the plan uses them', async () => {
    media = await startMediaCore({ host: 'web', backgroundEditReady: true });
    const events = renderEvents(media);
    // x264's default GOP: one keyframe in 48 frames, as generated clips arrive.
    const video = await makeVideoClip(media.dir, { name: 'take.mp4', frames: 48, audio: {} });
    const sound = await makeAudioFile(media.dir, { name: 'bed.wav', seconds: 2 });
    // Over five minutes: no automatic copy (one encode as long as the recording; asked for instead).
    const recording = await makeVideoClip(media.dir, {
      name: 'recording.mp4',
      frames: 301 * 24,
      width: 64,
      height: 36,
      source: 'color',
    });
    const imported = await media.call('media:import', {
      source: { kind: 'paths', paths: [video, sound, recording] },
    });
    const asset = imported.assets.find((candidate) => candidate.name === 'take.mp4')!;
    expect(events.jobIds()).toHaveLength(0); // nothing has run yet: the job waits for ffmpeg
    await expect.poll(() => events.jobIds().length, { timeout: 10_000 }).toBe(1);
    const [jobId] = events.jobIds();
    expect(jobId).toMatch(/^editready_/);
    expect(await events.finished(jobId!)).toMatchObject({ ok: true });
    const stages = events.log.flatMap((entry) =>
      entry.event === 'render:progressed' ? [(entry.payload as unknown as { stage: string }).stage] : [],
    );
    expect(stages.every((stage) => stage.includes('take.mp4 (1 of 1)'))).toBe(true);

    const copy = editReadyPaths(join(media.projectFolder, 'cache'), asset.contentHash).media;
    const keyframes = await keyframeFramesOf(copy, { num: 24, den: 1 });
    expect(keyframes).toEqual([0, 12, 24, 36]);

    const sequence = Object.values(media.core.projects.snapshot()!.document.sequences)[0]!;
    await media.call('project:edit', {
      command: {
        type: 'appendClip',
        sequenceId: sequence.id,
        trackId: sequence.videoTracks[0]!.id,
        clip: { assetId: asset.id, durationFrames: 48 },
      },
    });
    const plan = await media.call('render:plan', { sequenceId: sequence.id, presetId: 'h264-sequence' });
    expect(plan.assetsWithoutEditReady).toEqual([]);
  });

  it('are not made when the setting is off; jobs run in the order asked', async () => {
    media = await startMediaCore({ host: 'web', backgroundEditReady: true });
    const events = renderEvents(media);
    await media.call('settings:update', { editReadyCopies: false });
    expect((await media.call('settings:get', {})).editReadyCopies).toBe(false);
    const video = await makeVideoClip(media.dir, { name: 'quiet.mp4', frames: 24 });
    const imported = await media.call('media:import', { source: { kind: 'paths', paths: [video] } });
    // A job asked for after the import ends after any job the import started (they are chained).
    const marker = await media.call('render:makeEditReady', { assetIds: [] });
    expect(await events.finished(marker.jobId)).toMatchObject({ ok: true });
    expect(events.jobIds()).toEqual([marker.jobId]);
    const cache = join(media.projectFolder, 'cache');
    expect(await readdir(join(cache, 'edit-ready')).catch(() => [])).toEqual([]);
    expect(imported.assets).toHaveLength(1);
  });

  it('go on past a file that fails, and the job names it; cancelling leaves no partial file', async () => {
    media = await startMediaCore();
    const events = renderEvents(media);
    const gone = await makeVideoClip(media.dir, { name: 'gone.mp4', frames: 24 });
    const kept = await makeVideoClip(media.dir, { name: 'kept.mp4', frames: 24, width: 352 });
    const imported = await media.call('media:import', {
      source: { kind: 'paths', paths: [gone, kept] },
      storage: 'link',
    });
    const id = (name: string) => imported.assets.find((asset) => asset.name === name)!;
    await rm(gone);
    const job = await media.call('render:makeEditReady', {
      assetIds: [id('gone.mp4').id, id('kept.mp4').id],
    });
    const finished = await events.finished(job.jobId);
    expect(finished.ok).toBe(false);
    expect(finished.error?.message).toContain('1 of 2 edit-ready copies');
    expect(finished.error?.message).toContain('gone.mp4');
    const cache = join(media.projectFolder, 'cache');
    const folder = join(cache, 'edit-ready');
    expect(await readdir(folder)).toContain(`${id('kept.mp4').contentHash}.mp4`);

    const long = await makeVideoClip(media.dir, { name: 'long.mp4', frames: 480, width: 1280, height: 720 });
    const longAsset = (await media.call('media:import', { source: { kind: 'paths', paths: [long] } }))
      .assets[0]!;
    const second = await media.call('render:makeEditReady', { assetIds: [longAsset.id] });
    await expect
      .poll(() => events.log.some((entry) => entry.payload.jobId === second.jobId), { timeout: 10_000 })
      .toBe(true);
    expect(await media.call('render:cancel', { jobId: second.jobId })).toEqual({ cancelled: true });
    expect((await events.finished(second.jobId)).error?.code).toBe('CANCELLED');
    const left = await readdir(folder);
    expect(left.filter((name) => name.startsWith(longAsset.contentHash))).toEqual([]);
    expect(left.filter((name) => name.includes('partial'))).toEqual([]);
  });
});
