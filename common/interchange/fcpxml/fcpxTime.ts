import { gcd, type Rational } from '../../time/rational';

/** FCPXML time: a rational number of seconds, "1001/30000s", or "5s" when whole. */
export function fcpxTime(ticks: number, rate: Rational): string {
  const numerator = ticks * rate.den;
  const denominator = rate.num;
  if (numerator === 0) return '0s';
  const divisor = gcd(numerator, denominator);
  const num = numerator / divisor;
  const den = denominator / divisor;
  return den === 1 ? `${num}s` : `${num}/${den}s`;
}

/** Parses an FCPXML time into exact seconds as a rational; "0s", "5s", "1001/30000s". */
export function parseFcpxTime(text: string | null | undefined): Rational | null {
  if (!text) return null;
  const match = /^\s*(-?\d+)(?:\/(\d+))?s\s*$/.exec(text);
  if (!match) return null;
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  return den === 0 ? null : { num, den };
}

/** Exact seconds to ticks at a rate, rounding to the nearest tick; `exact` says whether it landed. */
export function secondsToTicks(seconds: Rational, rate: Rational): { ticks: number; exact: boolean } {
  const numerator = BigInt(seconds.num) * BigInt(rate.num);
  const denominator = BigInt(seconds.den) * BigInt(rate.den);
  const ticks = Number((2n * numerator + denominator) / (2n * denominator));
  return { ticks, exact: numerator % denominator === 0n };
}

/** The frame rate of a format's frameDuration ("1001/30000s" → 30000/1001). */
export function rateFromFrameDuration(frameDuration: string | null | undefined): Rational | null {
  const duration = parseFcpxTime(frameDuration);
  if (!duration || duration.num <= 0) return null;
  const divisor = gcd(duration.den, duration.num);
  return { num: duration.den / divisor, den: duration.num / divisor };
}

/** NTSC rates use drop-frame timecode. */
export function isDropFrameRate(rate: Rational): boolean {
  return rate.den === 1001 && (rate.num === 30000 || rate.num === 60000);
}
