/**
 * Waveform peaks: min/max of 16-bit samples per bucket, computed while PCM streams in (memory grows
 * with the number of buckets, never with the number of samples), and coarser levels made from a
 * finer one by merging neighbouring buckets.
 */

/** One resolution: `min[i]`, `max[i]` of the samples in bucket i (16-bit values). */
export interface PeakLevel {
  samplesPerBucket: number;
  min: Int16Array;
  max: Int16Array;
}

/**
 * A compiled min/max over 16-bit little-endian samples that live in `buffer` (the main process's
 * WebAssembly SIMD kernel). `range` gives (max << 16) | (min & 0xffff) of `count` samples.
 */
export interface PeakKernel {
  readonly buffer: ArrayBufferLike;
  range(byteOffset: number, count: number): number;
}

/** Typed arrays use the platform's byte order; s16le can be viewed in place only on little-endian ones. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class PeakAccumulator {
  private min: Int16Array;
  private max: Int16Array;
  private count = 0;
  private inBucket = 0;
  private bucketMin = 32767;
  private bucketMax = -32768;
  private carry: number | null = null;
  /** Samples seen so far. */
  samples = 0;

  /** With a kernel, bytes that lie in the kernel's memory are measured by it (mono s16le). */
  constructor(
    readonly samplesPerBucket: number,
    private readonly kernel: PeakKernel | null = null,
  ) {
    if (!Number.isInteger(samplesPerBucket) || samplesPerBucket <= 0)
      throw new RangeError(`samplesPerBucket must be a positive integer, not ${samplesPerBucket}`);
    this.min = new Int16Array(1024);
    this.max = new Int16Array(1024);
  }

  /** Feeds raw s16le bytes; a chunk may end in the middle of a sample. */
  pushBytes(chunk: Uint8Array): void {
    let offset = 0;
    if (this.carry !== null && chunk.length > 0) {
      const low = this.carry;
      const high = chunk[0] ?? 0;
      this.pushSample(((high << 24) >> 16) | low);
      this.carry = null;
      offset = 1;
    }
    const end = chunk.length - ((chunk.length - offset) % 2);
    if (this.kernel && chunk.buffer === this.kernel.buffer) {
      // The fastest path: the kernel reads the samples where they landed, eight at a time.
      this.pushWithKernel(this.kernel, chunk.byteOffset + offset, (end - offset) / 2);
    } else if (littleEndian && (chunk.byteOffset + offset) % 2 === 0) {
      // The fast path: the bytes viewed as 16-bit samples in place (no copy, no per-byte decode).
      this.pushFrames(new Int16Array(chunk.buffer, chunk.byteOffset + offset, (end - offset) / 2), 1);
    } else {
      for (let index = offset; index < end; index += 2) {
        const low = chunk[index] ?? 0;
        const high = chunk[index + 1] ?? 0;
        this.pushSample(((high << 24) >> 16) | low);
      }
    }
    if (end < chunk.length) this.carry = chunk[end] ?? 0;
  }

  /**
   * Interleaved frames of `channels` 16-bit samples, mixed to mono by their mean (rounded). The hot
   * loop tracks the min/max of the channel sums and divides once per bucket: rounding the mean is
   * monotonic, so the rounded mean of the smallest sum is the smallest rounded mean.
   */
  pushFrames(samples: Int16Array, channels: number): void {
    const frames = Math.floor(samples.length / channels);
    const size = this.samplesPerBucket;
    // The open bucket's extremes, carried over in sum units (exact, see above).
    let low = this.bucketMin * channels;
    let high = this.bucketMax * channels;
    let inBucket = this.inBucket;
    let frame = 0;
    while (frame < frames) {
      const stop = Math.min(frames, frame + (size - inBucket));
      if (channels === 1) {
        for (let index = frame; index < stop; index += 1) {
          const value = samples[index] as number;
          if (value < low) low = value;
          if (value > high) high = value;
        }
      } else if (channels === 2) {
        for (let index = frame * 2, end = stop * 2; index < end; index += 2) {
          const value = (samples[index] as number) + (samples[index + 1] as number);
          if (value < low) low = value;
          if (value > high) high = value;
        }
      } else {
        for (let index = frame * channels, end = stop * channels; index < end; index += channels) {
          let value = 0;
          for (let channel = 0; channel < channels; channel += 1) value += samples[index + channel] as number;
          if (value < low) low = value;
          if (value > high) high = value;
        }
      }
      inBucket += stop - frame;
      frame = stop;
      if (inBucket === size) {
        this.bucketMin = Math.round(low / channels);
        this.bucketMax = Math.round(high / channels);
        this.closeBucket();
        low = 32767 * channels;
        high = -32768 * channels;
        inBucket = 0;
      }
    }
    this.bucketMin = Math.round(low / channels);
    this.bucketMax = Math.round(high / channels);
    this.inBucket = inBucket;
    this.samples += frames;
  }

  /** `count` mono samples at `byteOffset` of the kernel's memory, one kernel call per bucket part. */
  private pushWithKernel(kernel: PeakKernel, byteOffset: number, count: number): void {
    const size = this.samplesPerBucket;
    let done = 0;
    while (done < count) {
      const take = Math.min(count - done, size - this.inBucket);
      const packed = kernel.range(byteOffset + done * 2, take);
      const low = (packed << 16) >> 16;
      const high = packed >> 16;
      if (low < this.bucketMin) this.bucketMin = low;
      if (high > this.bucketMax) this.bucketMax = high;
      this.inBucket += take;
      done += take;
      if (this.inBucket === size) this.closeBucket();
    }
    this.samples += count;
  }

  pushSample(value: number): void {
    if (value < this.bucketMin) this.bucketMin = value;
    if (value > this.bucketMax) this.bucketMax = value;
    this.inBucket += 1;
    this.samples += 1;
    if (this.inBucket === this.samplesPerBucket) this.closeBucket();
  }

  private closeBucket(): void {
    if (this.count === this.min.length) {
      const min = new Int16Array(this.min.length * 2);
      const max = new Int16Array(this.max.length * 2);
      min.set(this.min);
      max.set(this.max);
      this.min = min;
      this.max = max;
    }
    this.min[this.count] = this.bucketMin;
    this.max[this.count] = this.bucketMax;
    this.count += 1;
    this.inBucket = 0;
    this.bucketMin = 32767;
    this.bucketMax = -32768;
  }

  /** The finished level (a last partial bucket included). */
  finish(): PeakLevel {
    if (this.inBucket > 0) this.closeBucket();
    return {
      samplesPerBucket: this.samplesPerBucket,
      min: this.min.slice(0, this.count),
      max: this.max.slice(0, this.count),
    };
  }
}

/** A coarser level: every `factor` buckets of `level` merged into one. */
export function mergeLevel(level: PeakLevel, factor: number): PeakLevel {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a positive integer`);
  if (factor === 1) return level;
  const length = Math.ceil(level.min.length / factor);
  const min = new Int16Array(length);
  const max = new Int16Array(length);
  for (let bucket = 0; bucket < length; bucket += 1) {
    let low = 32767;
    let high = -32768;
    const end = Math.min(level.min.length, (bucket + 1) * factor);
    for (let index = bucket * factor; index < end; index += 1) {
      const a = level.min[index] ?? 0;
      const b = level.max[index] ?? 0;
      if (a < low) low = a;
      if (b > high) high = b;
    }
    min[bucket] = low;
    max[bucket] = high;
  }
  return { samplesPerBucket: level.samplesPerBucket * factor, min, max };
}

/**
 * The merge factor that gives at least `bucketsPerSecond` (finer is fine, coarser is not), as a
 * power of two, from a level at `sampleRate`.
 */
export function mergeFactorFor(level: PeakLevel, sampleRate: number, bucketsPerSecond: number): number {
  let factor = 1;
  while (sampleRate / (level.samplesPerBucket * factor * 2) >= bucketsPerSecond) factor *= 2;
  return factor;
}

/** Interleaved min, max pairs in -1..1, rounded to 4 decimals (wavesurfer.js `peaks` channel data). */
export function interleavedPeaks(level: PeakLevel): number[] {
  const values = new Array<number>(level.min.length * 2);
  for (let index = 0; index < level.min.length; index += 1) {
    values[index * 2] = Math.round(((level.min[index] ?? 0) / 32768) * 10000) / 10000;
    values[index * 2 + 1] = Math.round(((level.max[index] ?? 0) / 32768) * 10000) / 10000;
  }
  return values;
}
