import type { Asset, Sequence } from '../../../../../common/model';
import type { SequenceLayout } from '../../timeline/geometry/trackLayout';
import { linearGainAt, sourceSecondsAt } from './sequenceTiming';
import { syncMediaElement } from './mediaSync';

/**
 * Plays the audio tracks: one <audio> element per clip near the playhead, loaded a few seconds
 * ahead so a cut to the next clip starts on time, each kept on the clock within a frame.
 */
export class AudioPool {
  private readonly elements = new Map<string, HTMLAudioElement>();
  /** The largest drift (seconds) seen on the last update, for the viewer's diagnostics. */
  lastDriftSeconds = 0;

  constructor(private readonly mediaUrl: (assetId: string) => string) {}

  update(
    sequence: Sequence,
    layout: SequenceLayout,
    assets: Record<string, Asset>,
    frame: number,
    clock: { playing: boolean; rate: number },
  ): void {
    const fps = sequence.rate.num / sequence.rate.den;
    const lookahead = Math.ceil(fps * 3);
    const soloing = sequence.audioTracks.some((track) => track.solo);
    const wanted = new Set<string>();
    let maxDrift = 0;
    for (const track of layout.tracks) {
      if (track.track.kind !== 'audio') continue;
      const audible = !track.track.muted && (!soloing || track.track.solo);
      for (const placed of track.clips) {
        if (placed.endFrame <= frame - 1 || placed.startFrame > frame + lookahead) continue;
        wanted.add(placed.clip.id);
        let element = this.elements.get(placed.clip.id);
        if (!element) {
          element = new Audio();
          element.preload = 'auto';
          element.src = this.mediaUrl(placed.clip.assetId);
          this.elements.set(placed.clip.id, element);
        }
        const inside = frame >= placed.startFrame && frame < placed.endFrame;
        const target = sourceSecondsAt(
          placed,
          inside ? frame : placed.startFrame,
          sequence.rate,
          assets[placed.clip.assetId],
        );
        if (!inside) {
          if (!element.paused) element.pause();
          if (Math.abs(element.currentTime - target) > 0.05 && !element.seeking) element.currentTime = target;
          continue;
        }
        element.volume = audible ? linearGainAt(placed.clip, frame - placed.startFrame) : 0;
        const drift = syncMediaElement(element, {
          targetSeconds: target,
          playing: clock.playing,
          rate: clock.rate,
          frameSeconds: 1 / fps,
        });
        if (clock.playing) maxDrift = Math.max(maxDrift, Math.abs(drift));
      }
    }
    this.lastDriftSeconds = maxDrift;
    for (const [clipId, element] of this.elements) {
      if (wanted.has(clipId)) continue;
      element.pause();
      element.removeAttribute('src');
      element.load();
      this.elements.delete(clipId);
    }
  }

  dispose(): void {
    for (const element of this.elements.values()) {
      element.pause();
      element.removeAttribute('src');
    }
    this.elements.clear();
  }
}
