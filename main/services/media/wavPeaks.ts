import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { PeakAccumulator } from '../../../common/media/peaks';
import type { StreamedPeaks } from './peaksStream';

const littleEndianHost = endianness() === 'LE';

/** Where the 16-bit PCM of a WAV file lies. */
export interface WavLayout {
  channels: number;
  sampleRate: number;
  dataOffset: number;
  dataBytes: number;
}

/**
 * Reads a WAV header: the layout when the file holds plain 16-bit little-endian PCM (format 1, or
 * WAVE_FORMAT_EXTENSIBLE with the PCM sub-format), else null (then ffmpeg decodes it).
 */
export async function wavPcmLayout(path: string): Promise<WavLayout | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') return null;
    let offset = 12;
    let format: { channels: number; sampleRate: number; bits: number; pcm: boolean } | null = null;
    while (offset + 8 <= head.length) {
      const id = head.toString('latin1', offset, offset + 4);
      const length = head.readUInt32LE(offset + 4);
      if (id === 'fmt ' && offset + 24 <= head.length) {
        const tag = head.readUInt16LE(offset + 8);
        const subFormat = tag === 0xfffe && offset + 34 <= head.length ? head.readUInt16LE(offset + 32) : tag;
        format = {
          channels: head.readUInt16LE(offset + 10),
          sampleRate: head.readUInt32LE(offset + 12),
          bits: head.readUInt16LE(offset + 22),
          pcm: subFormat === 1,
        };
      } else if (id === 'data') {
        if (!format || !format.pcm || format.bits !== 16 || format.channels < 1) return null;
        const dataOffset = offset + 8;
        const dataBytes = Math.min(length, size - dataOffset);
        return { channels: format.channels, sampleRate: format.sampleRate, dataOffset, dataBytes };
      }
      offset += 8 + length + (length % 2);
    }
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Peaks straight from a 16-bit PCM WAV, streamed (constant memory): no decoding is needed, so no
 * ffmpeg either. Channels are mixed to mono by their mean, as ffmpeg's `-ac 1` does for stereo.
 */
export async function streamWavPeaks(
  path: string,
  layout: WavLayout,
  samplesPerBucket: number,
  signal?: AbortSignal,
): Promise<StreamedPeaks> {
  const accumulator = new PeakAccumulator(samplesPerBucket);
  const frameBytes = layout.channels * 2;
  const usable = layout.dataBytes - (layout.dataBytes % frameBytes);
  if (usable <= 0) return { decodeRate: layout.sampleRate, samples: 0, level: accumulator.finish() };
  // One reused buffer of whole frames (a fresh allocation starts at offset 0, so 16-bit aligned):
  // no per-chunk garbage, no frames split between reads, memory flat whatever the length.
  const buffer = Buffer.allocUnsafeSlow(frameBytes * 64 * 1024);
  const samples = new Int16Array(buffer.buffer, buffer.byteOffset, buffer.length / 2);
  const handle = await open(path, 'r');
  try {
    for (let done = 0; done < usable;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, usable - done),
        layout.dataOffset + done,
      );
      if (bytesRead === 0) break; // the file shrank since the header was read
      const whole = bytesRead - (bytesRead % frameBytes);
      if (littleEndianHost) accumulator.pushFrames(samples.subarray(0, whole / 2), layout.channels);
      else
        for (let index = 0; index < whole; index += frameBytes) {
          let sum = 0;
          for (let channel = 0; channel < layout.channels; channel += 1)
            sum += buffer.readInt16LE(index + channel * 2);
          accumulator.pushSample(Math.round(sum / layout.channels));
        }
      done += whole;
      if (whole < bytesRead) break; // a short read that ends mid-frame: only at the end of a truncated file
    }
  } finally {
    await handle.close();
  }
  return { decodeRate: layout.sampleRate, samples: accumulator.samples, level: accumulator.finish() };
}
