import { framesToTimecode, type Rational } from '../../../../../common/time';

/** SMPTE timecode of a frame on the timeline (common/time's, from frame 0, whole frames). */
export function formatTimecode(frame: number, rate: Rational): string {
  return framesToTimecode(Math.max(0, Math.floor(frame)), rate);
}

/** A short ruler label: "0:05", "1:02:10", or "12f" inside a second when zoomed to frames. */
export function formatRulerLabel(frame: number, rate: Rational, stepFrames: number): string {
  const nominal = Math.round(rate.num / rate.den);
  const totalSeconds = Math.floor(frame / nominal);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  const clock =
    hh > 0
      ? `${hh}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`
      : `${mm}:${String(ss).padStart(2, '0')}`;
  const inSecond = frame % nominal;
  if (stepFrames < nominal && inSecond !== 0) return `${inSecond}f`;
  return clock;
}
