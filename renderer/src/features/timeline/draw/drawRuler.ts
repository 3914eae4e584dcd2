import type { Marker } from '../../../../../common/model';
import type { Rational } from '../../../../../common/time';
import { rulerTicks } from '../geometry/rulerTicks';
import { formatRulerLabel } from '../geometry/timecode';
import { frameToX, visibleFrames, type TimeScale } from '../geometry/timeScale';
import { palette } from './palette';

export const rulerHeightPx = 30;

/** The ruler: timecode labels, ticks, the in/out range, markers with their names, the playhead head. */
export function drawRuler(
  ctx: CanvasRenderingContext2D,
  options: {
    scale: TimeScale;
    width: number;
    rate: Rational;
    playheadFrame: number;
    markers: readonly Marker[];
    inFrame: number | null;
    outFrame: number | null;
  },
): void {
  const { scale, width, rate } = options;
  const height = rulerHeightPx;
  ctx.fillStyle = '#20242c';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#0e1014';
  ctx.fillRect(0, height - 1, width, 1);
  const { startFrame, endFrame } = visibleFrames(scale, width);
  const ticks = rulerTicks(startFrame, endFrame, scale.pxPerFrame, rate.num / rate.den);
  ctx.fillStyle = 'rgba(216, 220, 228, 0.35)';
  for (const frame of ticks.minors) ctx.fillRect(Math.round(frameToX(frame, scale)), height - 6, 1, 5);
  ctx.fillStyle = 'rgba(216, 220, 228, 0.7)';
  ctx.font = '10px "JetBrains Mono", Menlo, Consolas, monospace';
  ctx.textBaseline = 'top';
  for (const frame of ticks.majors) {
    const x = Math.round(frameToX(frame, scale));
    ctx.fillRect(x, height - 12, 1, 11);
    ctx.fillText(formatRulerLabel(frame, rate, ticks.majorStep), x + 3, 4);
  }
  if (options.inFrame !== null || options.outFrame !== null) {
    const left = frameToX(options.inFrame ?? 0, scale);
    const right = options.outFrame !== null ? frameToX(options.outFrame, scale) : width;
    ctx.fillStyle = 'rgba(79, 140, 255, 0.5)';
    ctx.fillRect(left, height - 5, right - left, 4);
    ctx.fillStyle = palette.marqueeBorder;
    if (options.inFrame !== null) ctx.fillRect(left, height - 12, 2, 11);
    if (options.outFrame !== null) ctx.fillRect(right - 2, height - 12, 2, 11);
  }
  ctx.font = '600 10px Inter, "Segoe UI", system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const marker of options.markers) {
    const x = frameToX(marker.frame, scale);
    if (x < -120 || x > width) continue;
    ctx.fillStyle = palette.markers[marker.color];
    ctx.beginPath();
    ctx.moveTo(x, 16);
    ctx.lineTo(x + 7, 16);
    ctx.lineTo(x + 7, 24);
    ctx.lineTo(x, 28);
    ctx.closePath();
    ctx.fill();
    if (marker.name) {
      ctx.fillStyle = '#e8ecf4';
      ctx.fillText(marker.name, x + 10, 21);
    }
  }
  const x = Math.round(frameToX(options.playheadFrame, scale));
  ctx.fillStyle = palette.playhead;
  ctx.beginPath();
  ctx.moveTo(x - 6, 14);
  ctx.lineTo(x + 7, 14);
  ctx.lineTo(x + 7, 21);
  ctx.lineTo(x + 0.5, height);
  ctx.lineTo(x - 6, 21);
  ctx.closePath();
  ctx.fill();
}
