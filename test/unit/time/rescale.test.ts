import { describe, expect, it } from 'vitest';
import { rescale, ticksToSecondsString, type Rational, type Rounding } from '../../../common/time';

const r = (num: number, den = 1): Rational => ({ num, den });
const fps24 = r(24);
const fps25 = r(25);
const ntsc = r(30000, 1001);
const ntsc60 = r(60000, 1001);
const samples = r(48000);

// [value, from, to, rounding, expected]
const table: [number, Rational, Rational, Rounding, number][] = [
  [24, fps24, samples, 'exact', 48000],
  [1, fps24, samples, 'exact', 2000],
  [1, fps25, samples, 'exact', 1920],
  [1, ntsc, samples, 'round', 1602],
  [5, ntsc, samples, 'exact', 8008],
  [1, ntsc60, samples, 'round', 801],
  [5, ntsc60, samples, 'exact', 4004],
  [30000, ntsc, fps24, 'exact', 24024],
  [48000, samples, ntsc, 'floor', 29],
  [48000, samples, ntsc, 'ceil', 30],
  [48000, samples, ntsc, 'round', 30],
  [1, ntsc, fps24, 'floor', 0],
  [1, ntsc, fps24, 'ceil', 1],
  [1001, ntsc, fps24, 'round', 802],
  [1001, ntsc, r(1), 'floor', 33],
  [107892, ntsc, r(1), 'floor', 3599],
  [86400, fps24, fps25, 'exact', 90000],
  [1, fps25, fps24, 'round', 1],
  [3, fps25, fps24, 'round', 3],
  [-1, ntsc, samples, 'floor', -1602],
  [-1, ntsc, samples, 'ceil', -1601],
  [2 ** 40, samples, samples, 'exact', 2 ** 40],
];

describe('rescale', () => {
  it.each(table)('%i ticks %o → %o (%s) = %i', (value, from, to, rounding, expected) => {
    expect(rescale(value, from, to, rounding)).toBe(expected);
  });

  it('refuses inexact conversions when asked for exact, and non-integer counts', () => {
    expect(() => rescale(1, ntsc, samples, 'exact')).toThrow(RangeError);
    expect(() => rescale(0.5, fps24, samples)).toThrow(RangeError);
  });

  it('round-trips frames through samples at 24, 25, 29.97 and 59.94 without drift over an hour', () => {
    for (const rate of [fps24, fps25, ntsc, ntsc60]) {
      for (const frame of [0, 1, 2, 7, 1001, 3599, 107892, 215784]) {
        const sampleCount = rescale(frame, rate, samples, 'round');
        expect(rescale(sampleCount, samples, rate, 'round')).toBe(frame);
      }
    }
  });

  it('prints seconds for ffmpeg arguments', () => {
    expect(ticksToSecondsString(1, ntsc)).toBe('0.033367');
    expect(ticksToSecondsString(48000, samples, 3)).toBe('1.000');
    expect(ticksToSecondsString(-36, fps24)).toBe('-1.500000');
  });
});
