import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import { probeMedia } from '../../../main/ffmpeg/ffprobe';
import { resolveMediaFile } from '../../../main/services/media/mediaResolver';
import {
  copyAs,
  ffmpegBinary,
  ffprobeBinary,
  makeAudioFile,
  makeImage,
  makeNonMediaFile,
  makeTruncatedCopy,
  makeVideoClip,
  makeZeroLengthFile,
} from '../../helpers/makeMedia';
import { startMediaCore, type MediaTestCore } from './mediaCore';

/** md5 of one decoded frame as raw RGB (ffmpeg decodes `path`, picks frame `index` or the last). */
function frameMd5(path: string, select: string, extra: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegBinary(),
      [
        '-v',
        'error',
        '-i',
        path,
        '-vf',
        select,
        ...extra,
        '-fps_mode',
        'passthrough',
        '-pix_fmt',
        'rgb24',
        '-f',
        'md5',
        '-',
      ],
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    );
  });
}

describe('media service through the core (CLI host, real ffmpeg)', () => {
  let media: MediaTestCore;
  let sources: string;
  beforeAll(async () => {
    media = await startMediaCore();
    sources = join(media.dir, 'sources');
    await mkdir(sources, { recursive: true });
  });
  afterAll(async () => media.stop());

  it('imports files in parallel with progress, dedupes by content, and reports bad files one by one', async () => {
    const clip = await makeVideoClip(sources, { frames: 24, gop: 8, name: 'shot one.mp4' });
    const twin = await copyAs(clip, sources, "twin: ünï 日本 it's.mp4");
    const wav = await makeAudioFile(sources, {
      seconds: 1,
      sampleRate: 44100,
      channels: 1,
      name: 'voice.wav',
    });
    const png = await makeImage(sources, { name: 'still.png' });
    const empty = await makeZeroLengthFile(sources, 'empty.mp4');
    const junk = await makeNonMediaFile(sources, 'junk.mov');
    const cut = await makeTruncatedCopy(clip, sources, 2000, 'cut.mp4');
    const progress: ImportProgress[] = [];
    const unsubscribe = media.core.events.subscribe((event, payload) => {
      if (event === 'media:importProgressed') progress.push(payload as ImportProgress);
    });
    const result = await media.call('media:import', {
      source: {
        kind: 'paths',
        paths: [clip, twin, wav, png, empty, junk, cut, join(sources, 'missing.mp4')],
      },
    });
    unsubscribe();
    expect(result.assets.map((asset) => asset.kind).sort()).toEqual(['audio', 'image', 'video']);
    expect(result.imported.filter((file) => file.duplicate)).toHaveLength(1);
    const failures = Object.fromEntries(result.failed.map((failure) => [failure.name, failure.error.code]));
    expect(failures).toEqual({
      'empty.mp4': 'MEDIA_CORRUPT',
      'junk.mov': 'MEDIA_UNSUPPORTED',
      'cut.mp4': 'MEDIA_CORRUPT',
      'missing.mp4': 'FILE_NOT_FOUND',
    });
    expect(progress[0]).toMatchObject({ done: 0, total: 8 });
    expect(progress.at(-1)).toMatchObject({ done: 8, total: 8 });
    const document = media.core.projects.current().document;
    const video = Object.values(document.assets).find((asset) => asset.kind === 'video');
    expect(video?.storage).toBe('linked');
    // The two identical files race in parallel: whichever finishes first becomes the asset.
    expect([clip, twin]).toContain(video?.path);
    expect(video?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(video?.media.video?.frameCount).toBe(24);
  });

  it('copies into media/ when asked, and refuses paths from a non-CLI host', async () => {
    const clip = await makeVideoClip(sources, { frames: 6, audio: false, name: 'to copy.mp4' });
    const result = await media.call('media:import', {
      source: { kind: 'paths', paths: [clip] },
      storage: 'copy',
    });
    const asset = result.assets[0];
    expect(asset?.storage).toBe('copied');
    expect(asset?.path).toMatch(/^media\/[0-9a-f]{12}-to copy\.mp4$/);
    expect((await stat(join(media.projectFolder, asset?.path ?? ''))).size).toBe((await stat(clip)).size);
    const refused = await media.result('media:import', { source: { kind: 'paths', paths: [clip] } }, 'web');
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const noDialog = await media.result('media:import', { source: { kind: 'dialog' } }, 'web');
    expect(noDialog.ok ? null : noDialog.error.code).toBe('NOT_AVAILABLE_IN_HOST');
  });

  it('imports from the import folder by name only, refusing names that leave it', async () => {
    const listing = await media.call('media:importFolder', {});
    await makeAudioFile(listing.folder, { seconds: 0.5, name: 'dropped.wav' });
    await writeFile(join(media.dir, 'secret.wav'), 'not for you');
    await symlink(join(media.dir, 'secret.wav'), join(listing.folder, 'link.wav'));
    expect((await media.call('media:importFolder', {})).files.map((file) => file.name)).toContain(
      'dropped.wav',
    );
    const result = await media.call(
      'media:import',
      { source: { kind: 'importFolder', names: ['dropped.wav', 'link.wav', 'nothing.wav'] } },
      'web',
    );
    expect(result.assets.map((asset) => asset.name)).toEqual(['dropped.wav']);
    expect(Object.fromEntries(result.failed.map((failure) => [failure.name, failure.error.code]))).toEqual({
      'link.wav': 'FORBIDDEN',
      'nothing.wav': 'FILE_NOT_FOUND',
    });
    const traversal = await media.result(
      'media:import',
      { source: { kind: 'importFolder', names: ['../secret.wav'] } },
      'web',
    );
    expect(traversal.ok ? null : traversal.error.code).toBe('BAD_REQUEST');
  });

  it('makes a thumbnail from the first keyframe and a filmstrip in one pass, cached by content hash', async () => {
    const clip = await makeVideoClip(sources, {
      frames: 48,
      width: 320,
      height: 180,
      name: 'strip.mp4',
      audio: false,
    });
    const [asset] = (await media.call('media:import', { source: { kind: 'paths', paths: [clip] } })).assets;
    const assetId = asset?.id ?? '';
    const thumbnail = await media.call('media:thumbnail', { assetId });
    expect(thumbnail).toMatchObject({ variant: 'thumbnail', width: 320, height: 180 });
    const thumbFile = join(media.projectFolder, 'cache', 'media', asset?.contentHash ?? '', 'thumbnail.jpg');
    const firstWrite = (await stat(thumbFile)).mtimeMs;
    await media.call('media:thumbnail', { assetId });
    expect((await stat(thumbFile)).mtimeMs).toBe(firstWrite);
    const strip = await media.call('media:filmstrip', { assetId, frames: 6, frameHeight: 54 });
    expect(strip).toMatchObject({ frames: 6, height: 54, frameWidth: 96, width: 576 });
    expect(strip.sourceFrames).toEqual([0, 8, 16, 24, 32, 40]);
    const audio = (
      await media.call('media:import', {
        source: { kind: 'paths', paths: [await makeAudioFile(sources, { name: 'a.wav' })] },
      })
    ).assets[0];
    const noPicture = await media.result('media:thumbnail', { assetId: audio?.id ?? '' });
    expect(noPicture.ok ? null : noPicture.error.code).toBe('MEDIA_UNSUPPORTED');
  });

  it('serves peaks for wavesurfer at the nearest resolution, from the cache the second time', async () => {
    const wav = await makeAudioFile(sources, {
      seconds: 3,
      sampleRate: 48000,
      channels: 2,
      name: 'music.wav',
    });
    const [asset] = (await media.call('media:import', { source: { kind: 'paths', paths: [wav] } })).assets;
    const peaks = await media.call('media:peaks', { assetId: asset?.id ?? '', bucketsPerSecond: 30 });
    expect(peaks.duration).toBe(3);
    expect(peaks.bucketsPerSecond).toBeGreaterThanOrEqual(30);
    expect(peaks.bucketsPerSecond).toBeLessThan(60);
    expect(peaks.peaks).toHaveLength(1);
    expect(peaks.peaks[0]).toHaveLength(Math.ceil(3 * peaks.bucketsPerSecond) * 2);
    const values = peaks.peaks[0] ?? [];
    // Loudness steps up every half second (0.2, 0.4, 0.6, 0.8 of full scale).
    const maxInFirstQuarter = Math.max(...values.slice(0, Math.floor(values.length / 12)));
    const maxAround2s = Math.max(
      ...values.slice(Math.floor(values.length * 0.55), Math.floor(values.length * 0.65)),
    );
    // Stereo made from a mono tone sits 3 dB down (0.707); the ratio 0.8 / 0.2 is what counts.
    expect(maxInFirstQuarter).toBeGreaterThan(0.1);
    expect(maxAround2s / maxInFirstQuarter).toBeGreaterThan(3.6);
    expect(maxAround2s / maxInFirstQuarter).toBeLessThan(4.4);
    const cacheFile = join(media.projectFolder, 'cache', 'media', asset?.contentHash ?? '', 'peaks-v1.bin');
    expect((await stat(cacheFile)).size).toBeGreaterThan(32);
    const finer = await media.call('media:peaks', { assetId: asset?.id ?? '', samplesPerPixel: 480 });
    expect(finer.bucketsPerSecond).toBeGreaterThanOrEqual(100);
  });

  it('grabs the exact first, middle and last frames as PNG image assets', async () => {
    const clip = await makeVideoClip(sources, {
      frames: 30,
      gop: 30,
      rate: '30000/1001',
      name: 'grab me.mp4',
      audio: false,
    });
    const [asset] = (await media.call('media:import', { source: { kind: 'paths', paths: [clip] } })).assets;
    const assetId = asset?.id ?? '';
    const last = await media.call('media:grabFrame', { assetId, frame: 'last' });
    expect(last.kind).toBe('image');
    expect(last.origin).toEqual({ kind: 'frameGrab', sourceAssetId: assetId, frame: 29 });
    expect(last.media.video).toMatchObject({ width: 320, height: 180 });
    const lastPng = join(media.projectFolder, last.path);
    expect(await frameMd5(lastPng, 'null')).toBe(await frameMd5(clip, "select='eq(n\\,29)'"));
    const middle = await media.call('media:grabFrame', { assetId, frame: 13 });
    expect(await frameMd5(join(media.projectFolder, middle.path), 'null')).toBe(
      await frameMd5(clip, "select='eq(n\\,13)'"),
    );
    const first = await media.core.media.grabFrame(assetId, 'first');
    expect(await frameMd5(join(media.projectFolder, first.path), 'null')).toBe(
      await frameMd5(clip, "select='eq(n\\,0)'"),
    );
    const again = await media.core.media.extractLastFrame(assetId);
    expect(again.id).toBe(last.id); // same content: the same asset
    const past = await media.result('media:grabFrame', { assetId, frame: 30 });
    expect(past.ok ? null : past.error.code).toBe('BAD_REQUEST');
    expect((await readFile(join(media.projectFolder, last.path))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('answers MEDIA_MISSING for a file deleted after import, without crashing', async () => {
    const clip = await makeVideoClip(sources, { frames: 4, audio: false, name: 'deleted later.mp4' });
    const [asset] = (await media.call('media:import', { source: { kind: 'paths', paths: [clip] } })).assets;
    await rm(clip);
    const answer = await media.result('media:thumbnail', { assetId: asset?.id ?? '' });
    expect(answer.ok ? null : answer.error.code).toBe('MEDIA_MISSING');
    const grab = await media.result('media:grabFrame', { assetId: asset?.id ?? '', frame: 'first' });
    expect(grab.ok ? null : grab.error.code).toBe('MEDIA_MISSING');
    const unknown = await media.result('media:peaks', { assetId: 'ast_nothere' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('makes H.264 proxies for ProRes and 10-bit HEVC in the background, frame for frame, and none for H.264', async () => {
    const prores = await makeVideoClip(sources, { codec: 'prores', frames: 12, name: 'master.mov' });
    const hevc = await makeVideoClip(sources, { codec: 'hevc10', frames: 10, audio: false, name: 'hdr.mp4' });
    const plain = await makeVideoClip(sources, { frames: 8, audio: false, name: 'plain h264.mp4' });
    const { assets } = await media.call('media:import', {
      source: { kind: 'paths', paths: [prores, hevc, plain] },
    });
    await media.core.media.settled();
    const byName = Object.fromEntries(assets.map((asset) => [asset.name, asset]));
    for (const name of ['master.mov', 'hdr.mp4']) {
      const asset = byName[name] as Asset;
      const proxy = await media.core.media.proxyPath(asset);
      expect(proxy).not.toBeNull();
      const served = await resolveMediaFile(media.core.projects, media.core.media, asset.id, {
        kind: 'proxy',
      });
      expect(served.contentType).toBe('video/mp4');
      const facts = (await probeMedia(proxy ?? '', { ffprobePath: ffprobeBinary() })).facts;
      expect(facts.video).toMatchObject({
        codec: 'h264',
        bitDepth: 8,
        frameCount: asset.media.video?.frameCount,
      });
      expect(facts.audio === null).toBe(asset.media.audio === null);
    }
    const plainAsset = byName['plain h264.mp4'] as Asset;
    expect(await media.core.media.proxyPath(plainAsset)).toBeNull();
    const original = await resolveMediaFile(media.core.projects, media.core.media, plainAsset.id, {
      kind: 'proxy',
    });
    expect(original.path).toBe(plain); // no proxy needed: the original is served
  });

  it('handles odd sizes, clips without sound and keeps results in the order asked', async () => {
    const odd = await makeVideoClip(sources, {
      width: 321,
      height: 241,
      frames: 4,
      audio: false,
      name: 'odd 321x241.mp4',
    });
    const tone = await makeAudioFile(sources, { seconds: 0.4, name: 'tone-for-order.wav' });
    const result = await media.call('media:import', { source: { kind: 'paths', paths: [tone, odd] } });
    expect(result.imported.map((file) => file.name)).toEqual(['tone-for-order.wav', 'odd 321x241.mp4']);
    const video = result.assets.find((asset) => asset.kind === 'video');
    expect(video?.media.video).toMatchObject({ width: 321, height: 241 });
    const thumbnail = await media.call('media:thumbnail', { assetId: video?.id ?? '' });
    expect(thumbnail.width).toBe(320);
    expect(thumbnail.height % 2).toBe(0);
    const noSound = await media.result('media:peaks', { assetId: video?.id ?? '' });
    expect(noSound.ok ? null : noSound.error.code).toBe('MEDIA_UNSUPPORTED');
    const stillGrab = await media.result('media:grabFrame', {
      assetId: result.assets.find((asset) => asset.kind === 'audio')?.id ?? '',
      frame: 'first',
    });
    expect(stillGrab.ok ? null : stillGrab.error.code).toBe('MEDIA_UNSUPPORTED');
  });
});
