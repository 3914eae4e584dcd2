/** An exact ratio of two integers, den > 0: frame rates (30000/1001), time bases, sample aspects. */
export interface Rational {
  num: number;
  den: number;
}

export function rational(num: number, den = 1): Rational {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den === 0) {
    throw new RangeError(`Not a rational: ${num}/${den}`);
  }
  const sign = den < 0 ? -1 : 1;
  const divisor = gcd(Math.abs(num), Math.abs(den)) || 1;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function equalRationals(a: Rational, b: Rational): boolean {
  return a.num * b.den === b.num * a.den;
}

export function rationalToNumber(value: Rational): number {
  return value.num / value.den;
}

/** "30000/1001" or "24" or "24/1" (ffprobe's r_frame_rate form) to a reduced Rational; null for 0/0. */
export function parseRational(text: string): Rational | null {
  const match = /^\s*(-?\d+)(?:\s*[/:]\s*(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  if (den === 0) return null;
  return rational(num, den);
}

export function formatRational(value: Rational): string {
  return value.den === 1 ? String(value.num) : `${value.num}/${value.den}`;
}
