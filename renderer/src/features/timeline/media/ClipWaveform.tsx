import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';

/** Width wavesurfer renders at: a power of two up to 2,048 px, stretched to the clip by CSS. */
export function renderWidthFor(widthPx: number): number {
  return Math.min(2048, Math.max(32, 2 ** Math.ceil(Math.log2(Math.max(1, widthPx)))));
}

/**
 * One clip's waveform, drawn by wavesurfer.js from precomputed peaks (never from decoding the file).
 * It renders at a quantised width and is scaled to the clip, so zooming and scrolling only change a
 * CSS transform; wavesurfer redraws when the quantised width or the peaks change.
 */
export function ClipWaveform({
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
  const surfer = useRef<WaveSurfer | null>(null);
  const renderWidth = renderWidthFor(widthPx);
  const height = Math.max(8, Math.round(heightPx));

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const instance = WaveSurfer.create({
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
      barAlign: undefined,
    });
    surfer.current = instance;
    return () => {
      instance.destroy();
      surfer.current = null;
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
}
