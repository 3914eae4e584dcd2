import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The packaged icons, read back with an independent parser: each container entry must be a PNG of
// the size its slot says (a wrong size shows as a blurry or missing icon in the Dock or Explorer).
const icons = join(import.meta.dirname, '..', '..', '..', 'resources', 'icons');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(pngSignature)).toBe(true);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const icnsSlot: Record<string, number> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

describe.each(['icon', 'shotloom-project'])('%s icons', (name) => {
  it('the .ico holds PNGs from 16 to 256 pixels, each the size its entry claims', () => {
    const ico = readFileSync(join(icons, `${name}.ico`));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const claimed = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: claimed, height: claimed });
      sizes.push(claimed);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('the .icns has every slot from 16 to 1024 pixels, each a PNG of the slot size', () => {
    const icns = readFileSync(join(icons, `${name}.icns`));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const seen: string[] = [];
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      const size = icnsSlot[type];
      expect(size, type).toBeDefined();
      expect(pngSize(icns.subarray(offset + 8, offset + length))).toEqual({ width: size, height: size });
      seen.push(type);
      offset += length;
    }
    expect(seen.sort()).toEqual(Object.keys(icnsSlot).sort());
  });
});

describe('Linux icon set', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('%ipx is a PNG of that size', (size) => {
    const png = readFileSync(join(icons, 'png', `${size}x${size}.png`));
    expect(pngSize(png)).toEqual({ width: size, height: size });
  });
});
