import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** Sample entries whose decoder configuration box is the stream's header (extradata). */
const configBoxOf: Record<string, string> = { avc1: 'avcC', avc3: 'avcC', hvc1: 'hvcC', hev1: 'hvcC' };
/** Boxes on the way from moov to the sample description. */
const containers = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);
/** Bytes of a VisualSampleEntry before its child boxes. */
const visualSampleEntryBytes = 8 + 78;

interface Box {
  type: string;
  start: number;
  headerBytes: number;
  size: number;
}

/** The boxes in `bytes` from `from` to `to` (sizes 0 and 64-bit understood); null when malformed. */
function boxesIn(bytes: Buffer, from: number, to: number): Box[] | null {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to;) {
    let size = bytes.readUInt32BE(at);
    let headerBytes = 8;
    if (size === 1) {
      if (at + 16 > to) return null;
      size = Number(bytes.readBigUInt64BE(at + 8));
      headerBytes = 16;
    } else if (size === 0) size = to - at;
    if (size < headerBytes || at + size > to) return null;
    boxes.push({ type: bytes.toString('latin1', at + 4, at + 8), start: at, headerBytes, size });
    at += size;
  }
  return boxes;
}

/** The top-level moov box of an MP4/MOV, read whole (it is small beside the media data). */
async function readMoov(handle: FileHandle): Promise<Buffer | null> {
  const { size: fileSize } = await handle.stat();
  const header = Buffer.alloc(16);
  for (let at = 0; at + 8 <= fileSize;) {
    const { bytesRead } = await handle.read(header, 0, 16, at);
    if (bytesRead < 8) return null;
    let size = header.readUInt32BE(0);
    if (size === 1 && bytesRead === 16) size = Number(header.readBigUInt64BE(8));
    else if (size === 0) size = fileSize - at;
    if (size < 8 || at + size > fileSize) return null;
    if (header.toString('latin1', 4, 8) === 'moov') {
      if (size > 64 * 1024 * 1024) return null;
      const moov = Buffer.alloc(size);
      await handle.read(moov, 0, size, at);
      return moov;
    }
    at += size;
  }
  return null;
}

/**
 * The SHA-256 of the first H.264/HEVC track's decoder configuration (avcC/hvcC payload), as the
 * media probe records `extradataHash` (ffprobe's `-show_data_hash sha256`, hex), read straight from
 * the file: no process per chunk. Null when the file is not an MP4 with such a track.
 */
export async function mp4VideoHeaderHash(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const moov = await readMoov(handle);
    if (!moov) return null;
    const search = (from: number, to: number): Buffer | null => {
      for (const box of boxesIn(moov, from, to) ?? []) {
        const body = box.start + box.headerBytes;
        const end = box.start + box.size;
        if (containers.has(box.type)) {
          const found = search(body, end);
          if (found) return found;
        } else if (box.type === 'stsd') {
          // version/flags, entry count, then sample entries
          for (const entry of boxesIn(moov, body + 8, end) ?? []) {
            const config = configBoxOf[entry.type];
            if (!config) continue;
            for (const child of boxesIn(
              moov,
              entry.start + visualSampleEntryBytes,
              entry.start + entry.size,
            ) ?? [])
              if (child.type === config)
                return moov.subarray(child.start + child.headerBytes, child.start + child.size);
          }
        }
      }
      return null;
    };
    const config = search(0, moov.length);
    return config ? createHash('sha256').update(config).digest('hex') : null;
  } finally {
    await handle.close();
  }
}
