import type { Peaks } from '../../../../../common/contract/channels/media';
import type { ShotloomApi } from '../../../../../common/contract';
import type { LoadedFilmstrip } from '../draw/scene';

/**
 * View resources of the timeline, keyed by asset id: filmstrip sprites and waveform peaks, each
 * asked of the core once. `onChange` fires when something arrives so the lanes redraw.
 */
export class TimelineMediaCache {
  private readonly filmstrips = new Map<string, LoadedFilmstrip | 'loading' | 'failed'>();
  private readonly peaks = new Map<string, Peaks | 'loading' | 'failed'>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly api: ShotloomApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  filmstrip = (assetId: string): LoadedFilmstrip | null => {
    const entry = this.filmstrips.get(assetId);
    if (entry === undefined) {
      this.filmstrips.set(assetId, 'loading');
      void this.loadFilmstrip(assetId);
      return null;
    }
    return typeof entry === 'string' ? null : entry;
  };

  private async loadFilmstrip(assetId: string): Promise<void> {
    const result = await this.api.invoke('media:filmstrip', { assetId, frames: 24, frameHeight: 54 });
    if (!result.ok) {
      this.filmstrips.set(assetId, 'failed');
      return;
    }
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => {
      this.filmstrips.set(assetId, { image, strip: result.value });
      this.changed();
    };
    image.onerror = () => this.filmstrips.set(assetId, 'failed');
    image.src = `${this.api.host.mediaUrl(assetId)}/${result.value.variant}`;
  }

  peaksOf = (assetId: string): Peaks | null => {
    const entry = this.peaks.get(assetId);
    if (entry === undefined) {
      this.peaks.set(assetId, 'loading');
      void this.api.invoke('media:peaks', { assetId, bucketsPerSecond: 100 }).then((result) => {
        this.peaks.set(assetId, result.ok ? result.value : 'failed');
        if (result.ok) this.changed();
      });
      return null;
    }
    return typeof entry === 'string' ? null : entry;
  };

  private readonly slices = new Map<string, { data: number[]; duration: number }>();

  /**
   * The peaks of one clip's source range, kept while the clip keeps that range, so wavesurfer gets
   * the same array (and does not redraw) on every frame of a scroll or zoom.
   */
  clipPeaks = (
    clipId: string,
    assetId: string,
    startSeconds: number,
    seconds: number,
  ): { data: number[]; duration: number } | null => {
    const peaks = this.peaksOf(assetId);
    if (!peaks) return null;
    const key = `${clipId}:${assetId}:${startSeconds.toFixed(4)}:${seconds.toFixed(4)}`;
    let slice = this.slices.get(key);
    if (!slice) {
      if (this.slices.size > 4000) this.slices.clear();
      slice = slicePeaks(peaks, startSeconds, seconds);
      this.slices.set(key, slice);
    }
    return slice;
  };

  /** Forget an asset whose file changed (relinked, regenerated). */
  forget(assetId: string): void {
    this.filmstrips.delete(assetId);
    this.peaks.delete(assetId);
    this.slices.clear();
    this.changed();
  }
}

/**
 * The peaks of a clip's part of its source: interleaved min/max pairs from `startSeconds` for
 * `seconds`, as wavesurfer.js takes them (one channel), and the duration they cover.
 */
export function slicePeaks(
  peaks: Peaks,
  startSeconds: number,
  seconds: number,
): { data: number[]; duration: number } {
  const channel = peaks.peaks[0] ?? [];
  const first = Math.max(0, Math.floor(startSeconds * peaks.bucketsPerSecond));
  const count = Math.max(1, Math.ceil(seconds * peaks.bucketsPerSecond));
  return { data: channel.slice(first * 2, (first + count) * 2), duration: Math.max(0.001, seconds) };
}
