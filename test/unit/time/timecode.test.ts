import { describe, expect, it } from 'vitest';
import {
  formatFrame,
  formatRate,
  framesToClock,
  framesToTimecode,
  nominalFrameRate,
  timecodeToFrames,
  type Rational,
} from '../../../common/time';

const r = (num: number, den = 1): Rational => ({ num, den });

// [rate, dropFrame, frame, timecode]
const table: [Rational, boolean, number, string][] = [
  [r(24), false, 0, '00:00:00:00'],
  [r(24), false, 23, '00:00:00:23'],
  [r(24), false, 24, '00:00:01:00'],
  [r(24), false, 86400, '01:00:00:00'],
  [r(24), false, 86399, '00:59:59:23'],
  [r(25), false, 25, '00:00:01:00'],
  [r(25), false, 90000, '01:00:00:00'],
  [r(25), false, 1499, '00:00:59:24'],
  // 29.97 non-drop counts 30 labels a second and drifts from the clock
  [r(30000, 1001), false, 1800, '00:01:00:00'],
  [r(30000, 1001), false, 107892, '00:59:56:12'],
  // 29.97 drop-frame skips ;00 and ;01 each minute but every tenth
  [r(30000, 1001), true, 1799, '00:00:59;29'],
  [r(30000, 1001), true, 1800, '00:01:00;02'],
  [r(30000, 1001), true, 3597, '00:01:59;29'],
  [r(30000, 1001), true, 3598, '00:02:00;02'],
  [r(30000, 1001), true, 17981, '00:09:59;29'],
  [r(30000, 1001), true, 17982, '00:10:00;00'],
  [r(30000, 1001), true, 17984, '00:10:00;02'],
  [r(30000, 1001), true, 19782, '00:11:00;02'],
  [r(30000, 1001), true, 107892, '01:00:00;00'],
  [r(30000, 1001), true, 2589407, '23:59:59;29'],
  // 59.94 drop-frame skips four labels
  [r(60000, 1001), true, 3599, '00:00:59;59'],
  [r(60000, 1001), true, 3600, '00:01:00;04'],
  [r(60000, 1001), true, 35964, '00:10:00;00'],
  [r(60000, 1001), true, 215784, '01:00:00;00'],
  [r(60000, 1001), false, 3600, '00:01:00:00'],
  // samples at 48 kHz: the frames field counts samples
  [r(48000), false, 48000, '00:00:01:00000'],
  [r(48000), false, 47999, '00:00:00:47999'],
  [r(48000), false, 172800000, '01:00:00:00000'],
];

describe('SMPTE timecode', () => {
  it.each(table)('%o drop=%s: frame %i ↔ %s', (rate, dropFrame, frame, timecode) => {
    expect(framesToTimecode(frame, rate, { dropFrame })).toBe(timecode);
    expect(timecodeToFrames(timecode, rate, { dropFrame })).toBe(frame);
  });

  it('round-trips every frame of the first 20 minutes at 29.97 and 59.94 drop-frame', () => {
    for (const rate of [r(30000, 1001), r(60000, 1001)]) {
      let previous = '';
      for (let frame = 0; frame < nominalFrameRate(rate) * 60 * 20; frame += 1) {
        const timecode = framesToTimecode(frame, rate);
        expect(timecode > previous).toBe(true);
        previous = timecode;
        if (timecodeToFrames(timecode, rate) !== frame) throw new Error(`${frame} → ${timecode}`);
      }
    }
  });

  it('drop-frame drifts only 0.108 frames an hour from the clock (non-drop: 108 frames)', () => {
    const rate = r(30000, 1001);
    for (let hours = 1; hours <= 24; hours += 1) {
      const frame = timecodeToFrames(`${String(hours).padStart(2, '0')}:00:00;00`, rate)!;
      const clockFrames = (hours * 3600 * 30000) / 1001;
      expect(Math.abs(frame - clockFrames)).toBeLessThan(0.108 * hours);
      const nonDrop = timecodeToFrames(`${String(hours).padStart(2, '0')}:00:00:00`, rate)!;
      expect(Math.abs(nonDrop - clockFrames)).toBeGreaterThan(107 * hours);
    }
  });

  it('defaults to drop-frame only for 29.97 and 59.94, and refuses it elsewhere', () => {
    expect(framesToTimecode(1800, r(30000, 1001))).toBe('00:01:00;02');
    expect(framesToTimecode(1800, r(24000, 1001))).toBe('00:01:15:00');
    expect(() => framesToTimecode(1, r(25), { dropFrame: true })).toThrow(RangeError);
    expect(timecodeToFrames('00:00:01;00', r(25))).toBeNull();
  });

  it('rejects labels that do not exist', () => {
    expect(timecodeToFrames('00:01:00;00', r(30000, 1001))).toBeNull();
    expect(timecodeToFrames('00:01:00;01', r(30000, 1001))).toBeNull();
    expect(timecodeToFrames('00:10:00;00', r(30000, 1001))).toBe(17982);
    expect(timecodeToFrames('00:00:00:24', r(24))).toBeNull();
    expect(timecodeToFrames('00:60:00:00', r(24))).toBeNull();
    expect(timecodeToFrames('nonsense', r(24))).toBeNull();
    expect(timecodeToFrames('-00:00:01:00', r(24))).toBe(-24);
    expect(framesToTimecode(-24, r(24))).toBe('-00:00:01:00');
  });

  it('formats clocks, rates and positions for display', () => {
    expect(framesToClock(0, r(24))).toBe('0:00.000');
    expect(framesToClock(36, r(24))).toBe('0:01.500');
    expect(framesToClock(1800, r(30000, 1001))).toBe('1:00.060');
    expect(framesToClock(90000 * 2, r(25))).toBe('2:00:00.000');
    expect(formatRate(r(30000, 1001))).toBe('29.97');
    expect(formatRate(r(24000, 1001))).toBe('23.976');
    expect(formatRate(r(25))).toBe('25');
    expect(formatRate(r(48000))).toBe('48 kHz');
    expect(formatFrame(48, r(24), 'frames')).toBe('48');
    expect(formatFrame(48, r(24), 'timecode')).toBe('00:00:02:00');
    expect(formatFrame(48, r(24), 'clock')).toBe('0:02.000');
  });
});
