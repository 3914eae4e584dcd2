import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleavedPeaks, mergeFactorFor, mergeLevel, PeakAccumulator } from '../../../common/media/peaks';
import { referencePeaks } from '../../helpers/referencePeaks';

function bytesOf(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true));
  return bytes;
}

describe('PeakAccumulator', () => {
  it('matches a naive min/max however the bytes are split into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 1, max: 37 }), { minLength: 1, maxLength: 20 }),
        (samples, size, cuts) => {
          const accumulator = new PeakAccumulator(size);
          const bytes = bytesOf(samples);
          let offset = 0;
          let cut = 0;
          while (offset < bytes.length) {
            const length = cuts[cut % cuts.length] ?? 1;
            accumulator.pushBytes(bytes.subarray(offset, offset + length));
            offset += length;
            cut += 1;
          }
          const level = accumulator.finish();
          const expected = referencePeaks(samples, size);
          expect(Array.from(level.min)).toEqual(expected.min);
          expect(Array.from(level.max)).toEqual(expected.max);
          expect(accumulator.samples).toBe(samples.length);
        },
      ),
    );
  });

  it('merges levels and picks a factor that is never coarser than asked', () => {
    const accumulator = new PeakAccumulator(2);
    for (const sample of [1, -5, 7, 3, -2, 9, 4, 4, -8]) accumulator.pushSample(sample);
    const level = accumulator.finish();
    const merged = mergeLevel(level, 2);
    expect(Array.from(merged.min)).toEqual([-5, -2, -8]);
    expect(Array.from(merged.max)).toEqual([7, 9, -8]);
    expect(merged.samplesPerBucket).toBe(4);
    const base = { samplesPerBucket: 96, min: new Int16Array(0), max: new Int16Array(0) };
    const factor = mergeFactorFor(base, 48000, 31.25);
    expect(48000 / (96 * factor)).toBeGreaterThanOrEqual(31.25);
    expect(48000 / (96 * factor * 2)).toBeLessThan(31.25);
    expect(
      interleavedPeaks({ samplesPerBucket: 1, min: new Int16Array([-32768]), max: new Int16Array([16384]) }),
    ).toEqual([-1, 0.5]);
  });

  it('mixes interleaved frames to mono by their rounded mean, across calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 2, maxLength: 300 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (values, channels, size, split) => {
          const frames = Math.floor(values.length / channels);
          const samples = Int16Array.from(values.slice(0, frames * channels));
          const cut = Math.min(frames, split) * channels;
          const accumulator = new PeakAccumulator(size);
          accumulator.pushFrames(samples.subarray(0, cut), channels);
          accumulator.pushFrames(samples.subarray(cut), channels);
          const mono = Array.from({ length: frames }, (_, frame) => {
            let sum = 0;
            for (let channel = 0; channel < channels; channel += 1)
              sum += samples[frame * channels + channel] ?? 0;
            return Math.round(sum / channels);
          });
          const level = accumulator.finish();
          const expected = referencePeaks(mono, size);
          expect(Array.from(level.min)).toEqual(expected.min);
          expect(Array.from(level.max)).toEqual(expected.max);
          expect(accumulator.samples).toBe(frames);
        },
      ),
    );
  });
});
