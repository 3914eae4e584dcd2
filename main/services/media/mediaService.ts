import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import type { Filmstrip, ImportResult, MediaImage, Peaks } from '../../../common/contract/channels/media';
import { interleavedPeaks, mergeFactorFor, mergeLevel } from '../../../common/media/peaks';
import type { Asset, AssetOrigin } from '../../../common/model';
import type { Binaries } from '../../ffmpeg/binaries';
import { probeMedia } from '../../ffmpeg/ffprobe';
import type { KeyframeList, ProbedMedia } from '../../ffmpeg/probeFacts';
import { runFfmpeg } from '../../ffmpeg/runner';
import type { EventEmit } from '../../core/handlers';
import type { OpenProject, ProjectAccess } from '../project/projectAccess';
import { BackgroundQueue } from './backgroundQueue';
import { frameGrabInvocation, frameIndexOf, type FrameChoice } from './frameGrab';
import { importFiles, type ImportCandidate } from './importMedia';
import { derivedFolder, hashFile, mediaFolder, probeCacheFolder, safeFileName } from './mediaFiles';
import type { DerivedFiles } from './mediaResolver';
import { readPeaksFile, writePeaksFile, type CachedPeaks } from './peaksFile';
import { computePeaks } from './computePeaks';
import { ProbeCache } from './probeCache';
import { needsProxy, proxyInvocation } from './proxy';
import {
  filmstripFrames,
  filmstripInvocation,
  jpegSize,
  produceFile,
  thumbnailInvocation,
} from './thumbnails';

export interface MediaServiceOptions {
  projects: ProjectAccess;
  binaries: Pick<Binaries, 'ffmpegPath' | 'ffprobePath'>;
  emit: EventEmit;
  dataDir: string;
  probeTimeoutMs?: number;
  /** Told the ids of video assets just imported or received (edit-ready copies follow). */
  onVideoImported?: (assetIds: string[]) => void;
  /** Derived pictures and peaks made at once (2 by default). */
  backgroundConcurrency?: number;
}

/**
 * The media pipeline over the open project: probing (cached), imports, thumbnails, filmstrips,
 * waveform peaks and frame grabs, each derived file cached under cache/media/<contentHash>/ and
 * made in the background queue (two at a time) so nothing blocks the UI.
 */
export class MediaService implements DerivedFiles {
  readonly queue: BackgroundQueue;
  private readonly probeCache: ProbeCache;
  private readonly peaksMemory = new Map<string, CachedPeaks>();
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: MediaServiceOptions) {
    this.queue = new BackgroundQueue(options.backgroundConcurrency ?? 2);
    this.probeCache = new ProbeCache(() => {
      const project = options.projects.currentOrNull();
      return project ? probeCacheFolder(project.folder) : join(options.dataDir, 'cache', 'probe');
    });
  }

  /** Facts and keyframes of a file, from the cache when its path, size and mtime are unchanged. */
  async probe(path: string, signal?: AbortSignal): Promise<ProbedMedia> {
    const ffprobePath = await this.options.binaries.ffprobePath();
    return this.probeCache.get(path, () =>
      probeMedia(path, {
        ffprobePath,
        ...(this.options.probeTimeoutMs ? { timeoutMs: this.options.probeTimeoutMs } : {}),
        ...(signal ? { signal } : {}),
      }),
    );
  }

  /** The keyframes of a video asset (for the export planner); cached with the probe. */
  async keyframesOf(assetId: string): Promise<KeyframeList> {
    const { asset, path } = await this.sourceOf(assetId);
    const probed = await this.probe(path);
    if (!probed.keyframes) throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} is not a video.`);
    return probed.keyframes;
  }

  /** Imports files into the open project, with media:importProgressed events; thumbnails follow in the background. */
  async import(candidates: ImportCandidate[], signal?: AbortSignal): Promise<ImportResult> {
    const project = this.options.projects.current();
    const result = await importFiles(candidates, {
      project,
      probe: (path, probeSignal) => this.probe(path, probeSignal),
      onProgress: (progress) => this.options.emit('media:importProgressed', progress),
      concurrency: 3,
      ...(signal ? { signal } : {}),
    });
    for (const asset of result.assets) {
      if (asset.kind !== 'audio') this.inBackground(this.thumbnail(asset.id));
      if (needsProxy(asset)) this.inBackground(this.ensureProxy(asset.id));
    }
    const videoIds = result.assets.flatMap((asset) => (asset.kind === 'video' ? [asset.id] : []));
    if (videoIds.length > 0) this.options.onVideoImported?.(videoIds);
    return result;
  }

  /** Adds one file the core made or received (a generated take, say): moved into media/. */
  async addFile(path: string, name: string, origin: AssetOrigin): Promise<Asset> {
    const result = await this.import([{ path, name, storage: 'move', origin }]);
    const failure = result.failed[0];
    if (failure) throw new AppError(failure.error.code, failure.error.message, failure.error.detail);
    const assetId = result.imported[0]?.assetId;
    const asset = assetId ? this.options.projects.current().document.assets[assetId] : undefined;
    if (!asset) throw new AppError('INTERNAL', 'The file was imported but its asset is missing.');
    return asset;
  }

  /** An asset of the open project and the absolute path of its file (MEDIA_MISSING when gone). */
  async sourceOf(assetId: string): Promise<{ project: OpenProject; asset: Asset; path: string }> {
    const project = this.options.projects.current();
    const asset = project.document.assets[assetId];
    if (!asset) throw new AppError('NOT_FOUND', `There is no asset ${assetId} in the open project.`);
    const path = project.resolvePath(asset.path);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile())
      throw new AppError('MEDIA_MISSING', `The file of ${asset.name} is missing: relink it to use it again.`);
    return { project, asset, path };
  }

  // thumbnails and filmstrips -------------------------------------------------------------------

  async thumbnailPath(asset: Asset): Promise<string> {
    const { project, path } = await this.sourceOf(asset.id);
    const target = join(derivedFolder(project.folder, asset.contentHash), 'thumbnail.jpg');
    if (await exists(target)) return target;
    const ffmpegPath = await this.options.binaries.ffmpegPath();
    return this.queue.run(`thumbnail:${target}`, async (signal) =>
      (await exists(target))
        ? target
        : produceFile(target, ffmpegPath, (temporary) => thumbnailInvocation(asset, path, temporary), signal),
    );
  }

  async thumbnail(assetId: string): Promise<MediaImage> {
    const { asset } = await this.sourceOf(assetId);
    const file = await this.thumbnailPath(asset);
    const size = jpegSize(await readFile(file)) ?? { width: 0, height: 0 };
    return { assetId, variant: 'thumbnail', ...size };
  }

  async filmstripPath(asset: Asset, frames: number, frameHeight: number): Promise<string> {
    const { project, path } = await this.sourceOf(asset.id);
    const target = join(
      derivedFolder(project.folder, asset.contentHash),
      `filmstrip-${frames}x${frameHeight}.jpg`,
    );
    if (await exists(target)) return target;
    const ffmpegPath = await this.options.binaries.ffmpegPath();
    const sourceFrames = filmstripFrames(asset.media.video?.frameCount ?? 1, frames);
    return this.queue.run(`filmstrip:${target}`, async (signal) =>
      (await exists(target))
        ? target
        : produceFile(
            target,
            ffmpegPath,
            (temporary) => filmstripInvocation(asset, path, temporary, sourceFrames, frameHeight),
            signal,
          ),
    );
  }

  async filmstrip(assetId: string, frames: number, frameHeight: number): Promise<Filmstrip> {
    const { asset } = await this.sourceOf(assetId);
    const file = await this.filmstripPath(asset, frames, frameHeight);
    const size = jpegSize(await readFile(file)) ?? { width: 0, height: 0 };
    const sourceFrames = filmstripFrames(asset.media.video?.frameCount ?? 1, frames);
    return {
      assetId,
      variant: `filmstrip/${frames}x${frameHeight}`,
      ...size,
      frames: sourceFrames.length,
      frameWidth: Math.round(size.width / sourceFrames.length),
      sourceFrames,
    };
  }

  async proxyPath(asset: Asset): Promise<string | null> {
    const project = this.options.projects.current();
    const proxy = join(derivedFolder(project.folder, asset.contentHash), 'proxy.mp4');
    return (await exists(proxy)) ? proxy : null;
  }

  /**
   * Makes the H.264 proxy of a video the viewer cannot play smoothly (ProRes, 10-bit, 4K) in the
   * background queue; null when the asset needs none. Served as `<mediaUrl>/proxy`.
   */
  async ensureProxy(assetId: string): Promise<string | null> {
    const { project, asset, path } = await this.sourceOf(assetId);
    if (!needsProxy(asset)) return null;
    const target = join(derivedFolder(project.folder, asset.contentHash), 'proxy.mp4');
    if (await exists(target)) return target;
    const ffmpegPath = await this.options.binaries.ffmpegPath();
    return this.queue.run(`proxy:${target}`, async (signal) =>
      (await exists(target))
        ? target
        : produceFile(target, ffmpegPath, (temporary) => proxyInvocation(asset, path, temporary), signal),
    );
  }

  // peaks ---------------------------------------------------------------------------------------

  /** The finest peaks level of an asset's audio, from memory, the cache file, or one ffmpeg pass. */
  async peaksLevel(assetId: string, signal?: AbortSignal): Promise<CachedPeaks> {
    const { project, asset, path } = await this.sourceOf(assetId);
    const audio = asset.media.audio;
    if (!audio) throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} has no sound: there is no waveform.`);
    const known = this.peaksMemory.get(asset.contentHash);
    if (known) return known;
    const target = join(derivedFolder(project.folder, asset.contentHash), 'peaks-v1.bin');
    const fromFile = await readPeaksFile(target);
    if (fromFile) return this.remember(asset.contentHash, fromFile);
    const ffmpegPath = await this.options.binaries.ffmpegPath();
    const made = await this.queue.run(`peaks:${target}`, async (queueSignal) => {
      const decodeRate = Math.min(48000, audio.sampleRate);
      let samplesPerBucket = 128;
      const expected = (audio.sampleCount * decodeRate) / audio.sampleRate;
      while (expected / samplesPerBucket > 4_000_000) samplesPerBucket *= 2;
      const streamed = await computePeaks(
        path,
        asset.media,
        samplesPerBucket,
        ffmpegPath,
        signal ?? queueSignal,
      );
      const peaks: CachedPeaks = {
        decodeRate: streamed.decodeRate,
        sourceRate: audio.sampleRate,
        samples: streamed.samples,
        level: streamed.level,
      };
      await writePeaksFile(target, peaks).catch(() => undefined);
      return peaks;
    });
    return this.remember(asset.contentHash, made);
  }

  private remember(key: string, peaks: CachedPeaks): CachedPeaks {
    this.peaksMemory.set(key, peaks);
    if (this.peaksMemory.size > 16) this.peaksMemory.delete(this.peaksMemory.keys().next().value as string);
    return peaks;
  }

  /** Peaks at the nearest cached resolution at or above the request, as wavesurfer.js takes them. */
  async peaks(
    assetId: string,
    request: { bucketsPerSecond?: number; samplesPerPixel?: number },
  ): Promise<Peaks> {
    const cached = await this.peaksLevel(assetId);
    const wanted =
      request.bucketsPerSecond ??
      (request.samplesPerPixel ? cached.sourceRate / request.samplesPerPixel : 100);
    const factor = mergeFactorFor(cached.level, cached.decodeRate, wanted);
    const level = mergeLevel(cached.level, factor);
    return {
      assetId,
      peaks: [interleavedPeaks(level)],
      duration: cached.samples / cached.decodeRate,
      bucketsPerSecond: cached.decodeRate / level.samplesPerBucket,
      sourceSamplesPerBucket: (level.samplesPerBucket * cached.sourceRate) / cached.decodeRate,
    };
  }

  // frame grabs ---------------------------------------------------------------------------------

  /** The exact frame of a video as a PNG image asset (an existing identical grab is reused). */
  async grabFrame(assetId: string, choice: FrameChoice, signal?: AbortSignal): Promise<Asset> {
    const { project, asset, path } = await this.sourceOf(assetId);
    const frame = frameIndexOf(asset, choice);
    const ffmpegPath = await this.options.binaries.ffmpegPath();
    await mkdir(mediaFolder(project.folder), { recursive: true });
    const stem = safeFileName(asset.name.replace(/\.[^.]+$/, ''), 'frame');
    const temporary = join(mediaFolder(project.folder), `.grab-${randomBytes(6).toString('hex')}.png`);
    try {
      await runFfmpeg(frameGrabInvocation(asset, path, temporary, frame), {
        ffmpegPath,
        ...(signal ? { signal } : {}),
      });
      const written = await stat(temporary).catch(() => null);
      if (!written || written.size === 0)
        throw new AppError('MEDIA_CORRUPT', `ffmpeg could not decode frame ${frame} of ${asset.name}.`);
      const hash = await hashFile(temporary);
      const existing = Object.values(project.document.assets).find(
        (candidate) => candidate.contentHash === hash,
      );
      if (existing) return existing;
      // Moved into media/ under its hash-prefixed name by the import.
      return await this.addFile(temporary, `${stem} – frame ${frame}.png`, {
        kind: 'frameGrab',
        sourceAssetId: asset.id,
        frame,
      });
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** The last frame of a take's video, made when the take arrives so "continue from it" is instant. */
  extractLastFrame(assetId: string, signal?: AbortSignal): Promise<Asset> {
    return this.grabFrame(assetId, 'last', signal);
  }

  /** Work started after an import (thumbnails, proxies); a failure only means the file is made on demand later. */
  private inBackground(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /** Resolves once every background job started so far (and any it queued) has finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0 || this.queue.size > 0) {
      await Promise.allSettled([...this.background]);
      await this.queue.onIdle();
    }
  }

  dispose(): void {
    this.queue.dispose();
  }
}

async function exists(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return Boolean(info?.isFile() && info.size > 0);
}
