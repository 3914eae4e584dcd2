import type { Rational } from '../../time/rational';

/**
 * SMPTE timecode for EDLs: HH:MM:SS:FF at the nominal rate, drop-frame (HH:MM:SS;FF) for 29.97 and
 * 59.94, where frame numbers 0–1 (0–3 at 59.94) are skipped at every minute except each tenth.
 */
export interface TimecodeFormat {
  nominalFps: number;
  dropFrames: number;
}

export function timecodeFormat(rate: Rational, dropFrame: boolean): TimecodeFormat {
  const nominalFps = Math.round(rate.num / rate.den);
  const canDrop = rate.den === 1001 && (nominalFps === 30 || nominalFps === 60);
  return { nominalFps, dropFrames: dropFrame && canDrop ? nominalFps / 15 : 0 };
}

export function framesToTimecode(frame: number, format: TimecodeFormat): string {
  const { nominalFps: fps, dropFrames: drop } = format;
  let counted = frame;
  if (drop > 0) {
    const framesPerTenMinutes = fps * 600 - 9 * drop;
    const framesPerMinute = fps * 60 - drop;
    const tens = Math.floor(frame / framesPerTenMinutes);
    const rest = frame % framesPerTenMinutes;
    counted += 9 * drop * tens + (rest > drop ? drop * Math.floor((rest - drop) / framesPerMinute) : 0);
  }
  const ff = counted % fps;
  const totalSeconds = Math.floor(counted / fps);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${drop > 0 ? ';' : ':'}${pad(ff)}`;
}

/** Parses HH:MM:SS:FF (or ;FF / .FF for drop frame) into a frame count; null when it is not timecode. */
export function timecodeToFrames(text: string, format: TimecodeFormat): number | null {
  const match = /^(\d{2}):(\d{2}):(\d{2})[:;.,](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hh, mm, ss, ff] = match.slice(1).map(Number) as [number, number, number, number];
  if (mm > 59 || ss > 59 || ff >= format.nominalFps) return null;
  const totalMinutes = hh * 60 + mm;
  const nominal = (hh * 3600 + mm * 60 + ss) * format.nominalFps + ff;
  return nominal - format.dropFrames * (totalMinutes - Math.floor(totalMinutes / 10));
}
