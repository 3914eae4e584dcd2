import type { PlacedClip } from '../../timeline/geometry/trackLayout';

/**
 * Two <video> elements alternate so cuts play gapless: while one shows the current clip, the other
 * has the next clip loaded and parked on its first frame; at the cut they swap. During a transition
 * both show (outgoing and incoming). This class only decides which element holds which clip.
 */
export interface VideoSlot {
  element: HTMLVideoElement;
  /** Shows the slot's clip instead of the <video> when its asset is a still image. */
  still: HTMLImageElement;
  clipId: string | null;
  assetId: string | null;
}

/** Puts each wanted clip in a slot, keeping clips where they already are; answers each clip's slot. */
export function assignSlots(
  slots: VideoSlot[],
  wanted: readonly (PlacedClip | null)[],
): Map<string, VideoSlot> {
  const result = new Map<string, VideoSlot>();
  const clips = wanted.filter((placed): placed is PlacedClip => placed !== null);
  const free = new Set(slots);
  for (const placed of clips) {
    const existing = slots.find((slot) => slot.clipId === placed.clip.id);
    if (existing && free.has(existing)) {
      result.set(placed.clip.id, existing);
      free.delete(existing);
    }
  }
  for (const placed of clips) {
    if (result.has(placed.clip.id)) continue;
    // Prefer a slot already holding the same asset (no reload), then any free slot.
    const sameAsset = [...free].find((slot) => slot.assetId === placed.clip.assetId);
    const slot = sameAsset ?? [...free][0];
    if (!slot) break;
    free.delete(slot);
    slot.clipId = placed.clip.id;
    result.set(placed.clip.id, slot);
  }
  return result;
}
