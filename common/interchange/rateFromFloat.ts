import { rational, type Rational } from '../time/rational';

const knownRates: Rational[] = [
  { num: 24000, den: 1001 },
  { num: 30000, den: 1001 },
  { num: 48000, den: 1001 },
  { num: 60000, den: 1001 },
  { num: 120000, den: 1001 },
];

/**
 * Interchange formats that store a rate as a float (OTIO's RationalTime) get their exact rate back:
 * NTSC rates from their 1000/1001 forms, whole rates as integers, else the nearest ratio over 1001.
 */
export function rateFromFloat(rate: number): Rational {
  if (!Number.isFinite(rate) || rate <= 0) throw new RangeError(`Not a frame rate: ${rate}`);
  for (const known of knownRates) {
    if (Math.abs(known.num / known.den - rate) < 1e-4) return known;
  }
  if (Math.abs(rate - Math.round(rate)) < 1e-6) return rational(Math.round(rate), 1);
  return rational(Math.round(rate * 1001), 1001);
}

export function rateToFloat(rate: Rational): number {
  return rate.num / rate.den;
}
