/**
 * The timeline's horizontal mapping: sequence frames to pixels at a zoom, with a scroll offset.
 * `scrollPx` is how many content pixels are scrolled off the left edge of the lanes viewport.
 */
export interface TimeScale {
  pxPerFrame: number;
  scrollPx: number;
}

/** Zoomed out: a two-hour sequence at 24 fps fits in ~1,700 px. Zoomed in: single frames 48 px wide. */
export const minPxPerFrame = 0.01;
export const maxPxPerFrame = 48;

export function clampPxPerFrame(pxPerFrame: number): number {
  return Math.min(maxPxPerFrame, Math.max(minPxPerFrame, pxPerFrame));
}

/** Viewport x of a frame's left edge. */
export function frameToX(frame: number, scale: TimeScale): number {
  return frame * scale.pxPerFrame - scale.scrollPx;
}

/** Frame under a viewport x: the frame whose cell contains x (floor), or the nearest edge (round). */
export function xToFrame(x: number, scale: TimeScale, rounding: 'floor' | 'round' = 'round'): number {
  const exact = (x + scale.scrollPx) / scale.pxPerFrame;
  return Math.max(0, rounding === 'floor' ? Math.floor(exact) : Math.round(exact));
}

/** The frames [startFrame, endFrame) a viewport of `widthPx` shows. */
export function visibleFrames(scale: TimeScale, widthPx: number): { startFrame: number; endFrame: number } {
  const startFrame = Math.max(0, Math.floor(scale.scrollPx / scale.pxPerFrame));
  const endFrame = Math.ceil((scale.scrollPx + widthPx) / scale.pxPerFrame);
  return { startFrame, endFrame };
}

export function clampScroll(
  scrollPx: number,
  pxPerFrame: number,
  contentFrames: number,
  widthPx: number,
): number {
  // Leave room past the end so the last clip can be scrolled to the middle.
  const maxScroll = Math.max(0, contentFrames * pxPerFrame - widthPx * 0.5);
  return Math.min(maxScroll, Math.max(0, scrollPx));
}

/** Zooms by `factor` keeping the frame under `anchorX` where it is on screen. */
export function zoomAround(scale: TimeScale, factor: number, anchorX: number): TimeScale {
  const pxPerFrame = clampPxPerFrame(scale.pxPerFrame * factor);
  const anchorFrame = (anchorX + scale.scrollPx) / scale.pxPerFrame;
  return { pxPerFrame, scrollPx: Math.max(0, anchorFrame * pxPerFrame - anchorX) };
}

/** The zoom at which `durationFrames` fill `widthPx` (with a small margin), scrolled to the start. */
export function fitScale(durationFrames: number, widthPx: number): TimeScale {
  const usable = Math.max(1, widthPx - 24);
  return { pxPerFrame: clampPxPerFrame(usable / Math.max(1, durationFrames)), scrollPx: 0 };
}

/** Scrolls just enough to bring a frame into view (used when the playhead leaves the screen). */
export function revealFrame(scale: TimeScale, frame: number, widthPx: number, marginPx = 40): TimeScale {
  const x = frameToX(frame, scale);
  if (x < marginPx) return { ...scale, scrollPx: Math.max(0, scale.scrollPx + x - marginPx) };
  if (x > widthPx - marginPx) return { ...scale, scrollPx: scale.scrollPx + x - (widthPx - marginPx) };
  return scale;
}
