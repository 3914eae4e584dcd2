import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeakAccumulator } from '../../../common/media/peaks';
import { createPeakKernel, peakKernelBufferBytes } from '../../../main/services/media/peakKernel';
import { referencePeaks } from '../../helpers/referencePeaks';

const samplesArbitrary = fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 300 });

describe('the WebAssembly SIMD peaks kernel', () => {
  it('is what peakKernel.wat assembles to', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/peak-kernel.mjs', '--check']);
    expect(stdout).toMatch(/matches peakKernel\.wat/);
  });

  it('gives the min and max of samples at any byte offset, tail included', () => {
    const kernel = createPeakKernel();
    expect(kernel.readBuffer.length).toBe(peakKernelBufferBytes);
    fc.assert(
      fc.property(samplesArbitrary, fc.integer({ min: 0, max: 33 }), (samples, at) => {
        samples.forEach((sample, index) => kernel.readBuffer.writeInt16LE(sample, at + index * 2));
        const packed = kernel.range(at, samples.length);
        const low = (packed << 16) >> 16;
        const high = packed >> 16;
        expect(low).toBe(samples.length ? Math.min(...samples) : 32767);
        expect(high).toBe(samples.length ? Math.max(...samples) : -32768);
      }),
    );
  });

  it('refuses to read past its memory instead of reading something else', () => {
    const kernel = createPeakKernel();
    expect(() => kernel.range(peakKernelBufferBytes - 8, 8)).toThrow();
  });

  it('makes a PeakAccumulator give the same buckets as a naive min/max, however reads split samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 600 }),
        fc.integer({ min: 1, max: 80 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 12 }),
        (samples, size, cuts) => {
          const kernel = createPeakKernel();
          const accumulator = new PeakAccumulator(size, kernel);
          const bytes = Buffer.alloc(samples.length * 2);
          samples.forEach((sample, index) => bytes.writeInt16LE(sample, index * 2));
          // Like the socket: every read lands at the start of the read buffer, cut anywhere.
          for (let offset = 0, cut = 0; offset < bytes.length; cut += 1) {
            const length = Math.min(cuts[cut % cuts.length] ?? 1, bytes.length - offset);
            bytes.copy(kernel.readBuffer, 0, offset, offset + length);
            accumulator.pushBytes(kernel.readBuffer.subarray(0, length));
            offset += length;
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
});
