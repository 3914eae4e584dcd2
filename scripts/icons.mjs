#!/usr/bin/env node
// Renders the app and document icons from their SVG sources with ffmpeg's librsvg decoder, then
// packs the PNGs into Windows .ico and macOS .icns containers in plain Node. No downloads.
//   node scripts/icons.mjs        (needs an ffmpeg with librsvg, as Debian's has)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const iconsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
const ffmpeg = process.env.FFMPEG_PATH ?? 'ffmpeg';

/** Renders `svg` to a square RGBA PNG of `size` pixels and returns its bytes. */
function render(svg, size, scratch) {
  const out = join(scratch, `${size}.png`);
  execFileSync(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-width', String(size), '-height', String(size), '-i', svg],
    ...['-frames:v', '1', '-pix_fmt', 'rgba', out],
  ]);
  return readFileSync(out);
}

/** An .ico whose entries are PNGs (Windows Vista and later); 256 is written as 0 in the directory. */
export function packIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...pngs.map((png) => png.data)]);
}

/** ICNS element types that hold PNG data, by pixel size (several types share a size: @1x and @2x). */
export const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function packIcns(pngBySize) {
  const chunks = icnsTypes.map(([type, size]) => {
    const data = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

function buildIcon(name, { linuxSet }) {
  const scratch = mkdtempSync(join(tmpdir(), 'shotloom-icons-'));
  try {
    const svg = join(iconsDir, `${name}.svg`);
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    const pngBySize = new Map(sizes.map((size) => [size, render(svg, size, scratch)]));
    const icoSizes = [16, 24, 32, 48, 64, 128, 256];
    writeFileSync(
      join(iconsDir, `${name}.ico`),
      packIco(icoSizes.map((size) => ({ size, data: pngBySize.get(size) }))),
    );
    writeFileSync(join(iconsDir, `${name}.icns`), packIcns(pngBySize));
    if (linuxSet) {
      writeFileSync(join(iconsDir, `${name}.png`), pngBySize.get(1024));
      const setDir = join(iconsDir, 'png');
      mkdirSync(setDir, { recursive: true });
      for (const size of sizes) writeFileSync(join(setDir, `${size}x${size}.png`), pngBySize.get(size));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIcon('icon', { linuxSet: true });
  buildIcon('shotloom-project', { linuxSet: false });
  process.stdout.write(`icons written to ${iconsDir}\n`);
}
