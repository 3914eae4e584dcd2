/**
 * Keeps a media element on a target time while the clock runs. Small drifts are pulled in by nudging
 * the playback rate (no audible seek); large ones (a cut, a seek) jump. Answers the drift it saw.
 */
export function syncMediaElement(
  element: HTMLMediaElement,
  options: { targetSeconds: number; playing: boolean; rate: number; frameSeconds: number },
): number {
  const drift = element.currentTime - options.targetSeconds;
  const canPlayNatively = options.playing && options.rate > 0 && options.rate <= 4;
  if (!canPlayNatively) {
    if (!element.paused) element.pause();
    if (Math.abs(drift) > options.frameSeconds / 2 && !element.seeking)
      element.currentTime = options.targetSeconds;
    return drift;
  }
  if (Math.abs(drift) > 0.25) {
    if (!element.seeking) element.currentTime = options.targetSeconds;
    element.playbackRate = options.rate;
  } else if (Math.abs(drift) > options.frameSeconds / 4) {
    // Catch up (or wait) over about half a second.
    const correction = Math.max(-0.1, Math.min(0.1, -drift * 2));
    element.playbackRate = options.rate * (1 + correction);
  } else {
    element.playbackRate = options.rate;
  }
  if (element.paused) {
    void element.play().catch((error: unknown) => {
      // Without a user gesture browsers refuse sound: keep the picture moving, muted.
      if (error instanceof DOMException && error.name === 'NotAllowedError') {
        element.muted = true;
        void element.play().catch(() => undefined);
      }
    });
  }
  return drift;
}
