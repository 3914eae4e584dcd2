import type { Asset } from '../../../../../common/model';
import type { Rational } from '../../../../../common/time';
import type { PlacedClip } from '../../timeline/geometry/trackLayout';
import { syncMediaElement } from './mediaSync';
import { linearGainAt, pictureOpacityAt, sourceSecondsAt } from './sequenceTiming';

interface OverlayElement {
  element: HTMLVideoElement | HTMLImageElement;
  assetId: string;
}

/**
 * The clips of the upper video tracks, laid over the picture like the export lays them: one element
 * per track (a <video>, or an <img> for a still), fitted or filled, at the clip's opacity and fades,
 * its sound at the clip's volume. Elements are made on demand and kept per track.
 */
export class OverlayLayer {
  private readonly byTrack = new Map<string, OverlayElement>();

  constructor(
    private readonly container: HTMLElement,
    private readonly urlOf: (asset: Asset) => string,
  ) {}

  update(
    overlays: readonly PlacedClip[],
    context: {
      exactFrame: number;
      sequenceRate: Rational;
      assets: Record<string, Asset>;
      playing: boolean;
      rate: number;
    },
  ): void {
    const frameSeconds = context.sequenceRate.den / context.sequenceRate.num;
    const shown = new Set<string>();
    overlays.forEach((placed, index) => {
      const asset = context.assets[placed.clip.assetId];
      if (!asset) return;
      const overlay = this.elementFor(placed.trackId, asset);
      const { element } = overlay;
      shown.add(placed.trackId);
      const local = Math.min(
        placed.clip.durationFrames - 1,
        Math.max(0, context.exactFrame - placed.startFrame),
      );
      element.style.opacity = String(pictureOpacityAt(placed.clip, local));
      element.style.objectFit = placed.clip.fit === 'fill' ? 'cover' : 'contain';
      element.style.zIndex = String(10 + index);
      element.style.visibility = 'visible';
      element.dataset.clipId = placed.clip.id;
      if (element instanceof HTMLVideoElement) {
        element.volume = linearGainAt(placed.clip, local);
        syncMediaElement(element, {
          targetSeconds: sourceSecondsAt(placed, context.exactFrame, context.sequenceRate, asset),
          playing: context.playing,
          rate: context.rate,
          frameSeconds,
        });
      }
    });
    for (const [trackId, { element }] of this.byTrack) {
      if (shown.has(trackId)) continue;
      element.style.visibility = 'hidden';
      delete element.dataset.clipId;
      if (element instanceof HTMLVideoElement && !element.paused) element.pause();
    }
  }

  dispose(): void {
    for (const { element } of this.byTrack.values()) {
      if (element instanceof HTMLVideoElement) element.pause();
      element.remove();
    }
    this.byTrack.clear();
  }

  /** The track's element, made (or remade, when still and moving picture swap) for this asset. */
  private elementFor(trackId: string, asset: Asset): OverlayElement {
    const wantStill = asset.kind === 'image';
    const existing = this.byTrack.get(trackId);
    if (existing && existing.element instanceof HTMLImageElement === wantStill) {
      if (existing.assetId !== asset.id) {
        existing.element.src = this.urlOf(asset);
        existing.assetId = asset.id;
      }
      return existing;
    }
    if (existing) {
      if (existing.element instanceof HTMLVideoElement) existing.element.pause();
      existing.element.remove();
    }
    const element = document.createElement(wantStill ? 'img' : 'video');
    if (element instanceof HTMLVideoElement) {
      element.playsInline = true;
      element.preload = 'auto';
    }
    element.className = 'program-video program-overlay';
    element.dataset.trackId = trackId;
    element.src = this.urlOf(asset);
    this.container.append(element);
    const made = { element, assetId: asset.id };
    this.byTrack.set(trackId, made);
    return made;
  }
}
