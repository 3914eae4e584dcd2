import type { Asset } from '../../model/schema/asset';

/** CMX 3600 reel names: at most 8 characters, letters and digits, unique per asset. */
export function reelNames(assets: Asset[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const asset of assets) {
    if (names.has(asset.id)) continue;
    const stem =
      asset.name
        .replace(/\.[^.]*$/, '')
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase() || 'AX';
    let candidate = stem.slice(0, 8);
    for (let suffix = 1; used.has(candidate); suffix += 1) {
      const tail = String(suffix);
      candidate = `${stem.slice(0, 8 - tail.length)}${tail}`;
    }
    used.add(candidate);
    names.set(asset.id, candidate);
  }
  return names;
}
