import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PeakLevel } from '../../../common/media/peaks';

/** An asset's finest peaks level as cached on disk. */
export interface CachedPeaks {
  decodeRate: number;
  sourceRate: number;
  samples: number;
  level: PeakLevel;
}

const magic = 0x4b504c53; // "SLPK" little-endian
const version = 1;
const headerBytes = 32;

/** peaks-v1.bin: a 32-byte header (magic, version, rates, samples per bucket, samples, count), then min[] and max[] as Int16 LE. */
export async function writePeaksFile(path: string, peaks: CachedPeaks): Promise<void> {
  const count = peaks.level.min.length;
  const buffer = Buffer.alloc(headerBytes + count * 4);
  buffer.writeUInt32LE(magic, 0);
  buffer.writeUInt32LE(version, 4);
  buffer.writeUInt32LE(peaks.decodeRate, 8);
  buffer.writeUInt32LE(peaks.sourceRate, 12);
  buffer.writeUInt32LE(peaks.level.samplesPerBucket, 16);
  buffer.writeDoubleLE(peaks.samples, 20);
  buffer.writeUInt32LE(count, 28);
  for (let index = 0; index < count; index += 1) {
    buffer.writeInt16LE(peaks.level.min[index] ?? 0, headerBytes + index * 2);
    buffer.writeInt16LE(peaks.level.max[index] ?? 0, headerBytes + count * 2 + index * 2);
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, buffer);
  await rename(temporary, path);
}

/** The cached peaks, or null when there is no valid cache file. */
export async function readPeaksFile(path: string): Promise<CachedPeaks | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    return null;
  }
  if (buffer.length < headerBytes || buffer.readUInt32LE(0) !== magic || buffer.readUInt32LE(4) !== version)
    return null;
  const count = buffer.readUInt32LE(28);
  if (buffer.length !== headerBytes + count * 4) return null;
  const min = new Int16Array(count);
  const max = new Int16Array(count);
  for (let index = 0; index < count; index += 1) {
    min[index] = buffer.readInt16LE(headerBytes + index * 2);
    max[index] = buffer.readInt16LE(headerBytes + count * 2 + index * 2);
  }
  return {
    decodeRate: buffer.readUInt32LE(8),
    sourceRate: buffer.readUInt32LE(12),
    samples: buffer.readDoubleLE(20),
    level: { samplesPerBucket: buffer.readUInt32LE(16), min, max },
  };
}
