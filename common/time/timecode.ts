import { equalRationals, type Rational } from './rational';
import { rescale } from './rescale';

/**
 * SMPTE timecode. A timecode counts whole "nominal" frames per second (30 for 29.97, 24 for 23.976,
 * 60 for 59.94). Non-drop timecode of a fractional rate drifts from the clock (3.6 s per hour at
 * 29.97); drop-frame timecode skips the labels ;00 and ;01 (;00–;03 at 59.94) at the start of every
 * minute except each tenth, and stays within a frame of the clock. Drop-frame exists only for
 * 30000/1001 and 60000/1001; its separator before the frames is ';'.
 */
export interface TimecodeOptions {
  /** Defaults to true for 30000/1001 and 60000/1001, false otherwise. */
  dropFrame?: boolean;
}

const dropFrameRates: readonly Rational[] = [
  { num: 30000, den: 1001 },
  { num: 60000, den: 1001 },
];

/** Frames per timecode second: the rate rounded up (30 for 29.97, 24 for 24, 48000 for samples). */
export function nominalFrameRate(rate: Rational): number {
  return Math.ceil(rate.num / rate.den);
}

export function supportsDropFrame(rate: Rational): boolean {
  return dropFrameRates.some((candidate) => equalRationals(candidate, rate));
}

function useDropFrame(rate: Rational, options: TimecodeOptions): boolean {
  const wanted = options.dropFrame ?? supportsDropFrame(rate);
  if (wanted && !supportsDropFrame(rate)) {
    throw new RangeError(`Drop-frame timecode exists only for 29.97 and 59.94, not ${rate.num}/${rate.den}.`);
  }
  return wanted;
}

/** Labels skipped per minute: 2 at 29.97, 4 at 59.94. */
function droppedPerMinute(nominal: number): number {
  return Math.round(nominal / 15);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Digits of the frames field: 2 for video rates, more for sample counts (48000 → 5). */
function framesFieldWidth(nominal: number): number {
  return Math.max(2, String(nominal - 1).length);
}

/** A frame index (0 = 00:00:00:00) to timecode; negative frames get a leading '-'. */
export function framesToTimecode(frame: number, rate: Rational, options: TimecodeOptions = {}): string {
  if (!Number.isInteger(frame)) throw new RangeError(`Not a frame index: ${frame}`);
  if (frame < 0) return `-${framesToTimecode(-frame, rate, options)}`;
  const nominal = nominalFrameRate(rate);
  const drop = useDropFrame(rate, options);
  let label = frame;
  if (drop) {
    const dropped = droppedPerMinute(nominal);
    const perTenMinutes = nominal * 600 - dropped * 9;
    const perMinute = nominal * 60 - dropped;
    const tens = Math.floor(frame / perTenMinutes);
    const rest = frame % perTenMinutes;
    label += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const frames = label % nominal;
  const totalSeconds = Math.floor(label / nominal);
  const seconds = totalSeconds % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${drop ? ';' : ':'}${pad(frames, framesFieldWidth(nominal))}`;
}

/**
 * Timecode ("01:00:00:00", "00:01:00;02", with ':' ';' '.' or ',' before the frames) to a frame
 * index, or null when it is not a valid label at this rate (fields out of range, or a label
 * drop-frame skips). Without `dropFrame`, the separator decides: ';' or ',' is drop-frame, ':' or
 * '.' is non-drop.
 */
export function timecodeToFrames(text: string, rate: Rational, options: TimecodeOptions = {}): number | null {
  const match = /^\s*(-)?(\d{1,3}):(\d{2}):(\d{2})([:;.,])(\d{2,6})\s*$/.exec(text);
  if (!match) return null;
  const [, minus, hh, mm, ss, separator, ff] = match as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
    string,
    string,
  ];
  const nominal = nominalFrameRate(rate);
  let drop: boolean;
  try {
    drop = useDropFrame(rate, { dropFrame: options.dropFrame ?? (separator === ';' || separator === ',') });
  } catch {
    return null;
  }
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  const frames = Number(ff);
  if (minutes > 59 || seconds > 59 || frames >= nominal) return null;
  let frame = (hours * 3600 + minutes * 60 + seconds) * nominal + frames;
  if (drop) {
    const dropped = droppedPerMinute(nominal);
    if (seconds === 0 && frames < dropped && minutes % 10 !== 0) return null;
    const totalMinutes = hours * 60 + minutes;
    frame -= dropped * (totalMinutes - Math.floor(totalMinutes / 10));
  }
  return minus ? -frame : frame;
}

/** "1:02.500": minutes, seconds and milliseconds of the clock time of a frame (floored to the ms). */
export function framesToClock(frame: number, rate: Rational): string {
  const negative = frame < 0;
  const milliseconds = rescale(Math.abs(frame), rate, { num: 1000, den: 1 }, 'floor');
  const minutes = Math.floor(milliseconds / 60000);
  const seconds = Math.floor(milliseconds / 1000) % 60;
  const rest = milliseconds % 1000;
  const hours = Math.floor(minutes / 60);
  const clock =
    hours > 0
      ? `${hours}:${pad(minutes % 60, 2)}:${pad(seconds, 2)}.${pad(rest, 3)}`
      : `${minutes}:${pad(seconds, 2)}.${pad(rest, 3)}`;
  return negative ? `-${clock}` : clock;
}

/** A rate for people: "24", "25", "29.97", "59.94", "23.976", "48 kHz" for sample rates. */
export function formatRate(rate: Rational): string {
  if (rate.den === 1 && rate.num >= 8000) return `${rate.num / 1000} kHz`;
  if (rate.den === 1) return String(rate.num);
  const value = rate.num / rate.den;
  return String(Math.round(value * 1000) / 1000);
}

export type TimeDisplay = 'timecode' | 'frames' | 'clock';

/** One frame position as the user chose to see it. */
export function formatFrame(
  frame: number,
  rate: Rational,
  display: TimeDisplay,
  options: TimecodeOptions = {},
): string {
  if (display === 'frames') return String(frame);
  if (display === 'clock') return framesToClock(frame, rate);
  return framesToTimecode(frame, rate, options);
}
