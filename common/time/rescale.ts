import type { Rational } from './rational';

export type Rounding = 'floor' | 'ceil' | 'round' | 'exact';

function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator < 0n) return divide(-numerator, -denominator, rounding);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  if (rounding === 'exact') {
    throw new RangeError(`Not exactly representable: ${numerator}/${denominator}`);
  }
  const floor = numerator < 0n ? quotient - 1n : quotient;
  if (rounding === 'floor') return floor;
  if (rounding === 'ceil') return floor + 1n;
  // round half away from zero
  const twice = 2n * (numerator - floor * denominator);
  if (twice > denominator) return floor + 1n;
  if (twice < denominator) return floor;
  return numerator < 0n ? floor : floor + 1n;
}

/**
 * Converts a count of ticks at rate `from` (ticks per second, e.g. 30000/1001 frames/s) into ticks at
 * rate `to` (e.g. 48000 samples/s), in exact integer arithmetic. The one place time is converted.
 */
export function rescale(
  value: number | bigint,
  from: Rational,
  to: Rational,
  rounding: Rounding = 'round',
): number {
  const ticks = typeof value === 'bigint' ? value : BigInt(value);
  if (typeof value === 'number' && !Number.isInteger(value))
    throw new RangeError(`Not an integer count: ${value}`);
  const numerator = ticks * BigInt(from.den) * BigInt(to.num);
  const denominator = BigInt(from.num) * BigInt(to.den);
  return Number(divide(numerator, denominator, rounding));
}

/** Seconds as a decimal string for ffmpeg arguments and the UI only (never stored in the model). */
export function ticksToSecondsString(ticks: number, rate: Rational, decimals = 6): string {
  const scale = 10n ** BigInt(decimals);
  const micro = divide(BigInt(ticks) * BigInt(rate.den) * scale, BigInt(rate.num), 'round');
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
