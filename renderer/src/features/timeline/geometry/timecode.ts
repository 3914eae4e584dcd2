import type { Rational } from '../../../../../common/time';

/**
 * SMPTE timecode of a frame count at a rate: HH:MM:SS:FF, drop-frame (HH:MM:SS;FF) for 30000/1001
 * and 60000/1001. Used by the ruler and the viewers until common/time provides one.
 */
export function formatTimecode(frame: number, rate: Rational): string {
  const nominal = Math.round(rate.num / rate.den);
  const dropFrame = rate.den === 1001 && (nominal === 30 || nominal === 60);
  let frames = Math.max(0, Math.floor(frame));
  if (dropFrame) {
    const dropped = nominal === 30 ? 2 : 4;
    const perTenMinutes = nominal * 600 - dropped * 9;
    const perMinute = nominal * 60 - dropped;
    const tens = Math.floor(frames / perTenMinutes);
    const rest = frames % perTenMinutes;
    frames += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const ff = frames % nominal;
  const totalSeconds = Math.floor(frames / nominal);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${dropFrame ? ';' : ':'}${pad(ff)}`;
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
