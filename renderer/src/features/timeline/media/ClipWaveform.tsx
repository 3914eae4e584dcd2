import { memo, useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';

/** Width wavesurfer renders at: a power of two up to 2,048 px, stretched to the clip by CSS. */
export function renderWidthFor(widthPx: number): number {
  return Math.min(2048, Math.max(32, 2 ** Math.ceil(Math.log2(Math.max(1, widthPx)))));
}

const whenIdle = (callback: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 400 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 16);
  return () => clearTimeout(handle);
};

/**
 * One clip's waveform, drawn by wavesurfer.js from precomputed peaks (never from decoding the file).
 * It renders at a quantised width and is scaled to the clip by a CSS transform, so scrolling and
 * zooming cost no redraw: wavesurfer is created, and redrawn at a new width after zooming settles,
 * in idle time between frames.
 */
export const ClipWaveform = memo(function ClipWaveform({
  peaks,
  duration,
  widthPx,
  heightPx,
  left,
  top,
  color,
  clipId,
}: {
  peaks: number[];
  duration: number;
  widthPx: number;
  heightPx: number;
  left: number;
  top: number;
  color: string;
  clipId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const wanted = renderWidthFor(widthPx);
  const [renderWidth, setRenderWidth] = useState(wanted);
  const height = Math.max(8, Math.round(heightPx));

  // Follow the zoom only once it has settled for a moment.
  useEffect(() => {
    if (wanted === renderWidth) return;
    const timer = setTimeout(() => setRenderWidth(wanted), 250);
    return () => clearTimeout(timer);
  }, [wanted, renderWidth]);

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    let instance: WaveSurfer | null = null;
    let cancelIdle: () => void = () => undefined;
    // Clips that only flash past during a zoom or a fast scroll never get an instance.
    const settle = setTimeout(() => {
      cancelIdle = whenIdle(create);
    }, 150);
    const create = () => {
      instance = WaveSurfer.create({
        container,
        height,
        width: renderWidth,
        peaks: [peaks],
        duration,
        waveColor: color,
        progressColor: color,
        cursorWidth: 0,
        interact: false,
        normalize: false,
        hideScrollbar: true,
        fillParent: true,
      });
    };
    return () => {
      clearTimeout(settle);
      cancelIdle();
      // Tearing down is not urgent either: the element is already out of the page.
      const finished = instance;
      if (finished) whenIdle(() => finished.destroy());
    };
  }, [peaks, duration, renderWidth, height, color]);

  return (
    <div
      className="clip-waveform"
      data-clip-id={clipId}
      style={{
        transform: `translate(${left}px, ${top}px) scaleX(${widthPx / renderWidth})`,
        width: renderWidth,
        height,
      }}
    >
      <div ref={host} style={{ width: renderWidth, height }} />
    </div>
  );
});
