import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Asset } from '../../../common/model';
import { editReadyX264Args } from '../../../common/render/presets';
import type { EditReadyFacts } from '../../../common/render/smartChoice';
import type { PidRegistry } from '../../ffmpeg/pidRegistry';
import { runFfmpeg } from '../../ffmpeg/runner';
import type { FfmpegProgress } from '../../ffmpeg/progress';
import { probeMedia } from '../../ffmpeg/ffprobe';

/**
 * Edit-ready copies: the shot re-encoded once to a short closed GOP (half a second, no scene cuts)
 * with exactly the encoder settings the export uses for re-encoded windows, so that copies and
 * windows join with identical headers. Cached by content hash under the project's cache/.
 */
export function editReadyPaths(cacheDir: string, contentHash: string) {
  const folder = join(cacheDir, 'edit-ready');
  return { folder, media: join(folder, `${contentHash}.mp4`), facts: join(folder, `${contentHash}.json`) };
}

export function gopFramesFor(asset: Asset): number {
  const rate = asset.media.video?.rate ?? { num: 24, den: 1 };
  return Math.max(1, Math.round(rate.num / rate.den / 2));
}

/** The cached copy's facts, or null when there is none (or it is incomplete). */
export async function loadEditReady(cacheDir: string, asset: Asset): Promise<EditReadyFacts | null> {
  const paths = editReadyPaths(cacheDir, asset.contentHash);
  try {
    const [text] = await Promise.all([readFile(paths.facts, 'utf8'), stat(paths.media)]);
    const facts = JSON.parse(text) as EditReadyFacts;
    // Facts written before header hashes were SHA-256 hex ("MD5:…") are made again.
    return facts.video.extradataHash?.includes(':') ? null : facts;
  } catch {
    return null;
  }
}

export interface EditReadyOptions {
  ffmpegPath: string;
  ffprobePath: string;
  signal?: AbortSignal;
  registry?: PidRegistry;
  onProgress?: (progress: FfmpegProgress) => void;
}

/** Makes (or finds) the edit-ready copy of one video asset. Cancellable; never leaves a partial file. */
export async function ensureEditReady(
  asset: Asset,
  sourcePath: string,
  cacheDir: string,
  options: EditReadyOptions,
): Promise<EditReadyFacts> {
  const existing = await loadEditReady(cacheDir, asset);
  if (existing) return existing;
  const video = asset.media.video;
  if (asset.kind !== 'video' || !video) throw new Error('Only video assets have edit-ready copies.');
  const paths = editReadyPaths(cacheDir, asset.contentHash);
  await mkdir(paths.folder, { recursive: true });
  const partial = `${paths.media}.partial.mp4`;
  const hasAudio = asset.media.audio !== null;
  try {
    await runFfmpeg(
      {
        inputs: [{ path: sourcePath, options: [] }],
        globalOptions: [],
        filterComplex: null,
        outputs: [
          {
            path: partial,
            options: [
              '-map',
              '0:v:0',
              ...(hasAudio ? ['-map', '0:a:0', '-c:a', 'copy'] : []),
              '-c:v',
              'libx264',
              ...editReadyX264Args(gopFramesFor(asset)),
              '-movflags',
              '+faststart',
            ],
          },
        ],
      },
      {
        ffmpegPath: options.ffmpegPath,
        signal: options.signal,
        registry: options.registry,
        onProgress: options.onProgress,
        expectedDurationUs: Math.round((video.frameCount * video.rate.den * 1e6) / video.rate.num),
      },
    );
    const probed = await probeMedia(partial, {
      ffprobePath: options.ffprobePath,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!probed.facts.video || !probed.keyframes) throw new Error('The edit-ready copy has no video.');
    await rename(partial, paths.media);
    const facts: EditReadyFacts = { video: probed.facts.video, keyframes: probed.keyframes.frames };
    await writeFile(paths.facts, JSON.stringify(facts));
    return facts;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
