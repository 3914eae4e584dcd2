import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Asset } from '../../../common/model';

interface FoundFile {
  path: string;
  name: string;
  size: number;
}

const maxDepth = 8;
const maxFiles = 50_000;

async function listFiles(root: string): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > maxDepth || files.length >= maxFiles) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (entry.isFile() && files.length < maxFiles) {
        const info = await stat(path).catch(() => null);
        if (info) files.push({ path, name: entry.name, size: info.size });
      }
    }
  };
  await walk(root, 0);
  return files;
}

export function hashFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/**
 * Finds each asset's file in a folder: files of the asset's size, those with its file name first,
 * confirmed by the sha256 content hash (so a renamed file is found and a same-named other file is
 * not). Returns asset id → absolute path for the assets found.
 */
export async function searchForAssets(root: string, assets: Asset[]): Promise<Map<string, string>> {
  const files = await listFiles(root);
  const found = new Map<string, string>();
  const hashes = new Map<string, Promise<string | null>>();
  const hashOf = (path: string) => {
    let pending = hashes.get(path);
    if (!pending) {
      pending = hashFile(path).catch(() => null);
      hashes.set(path, pending);
    }
    return pending;
  };
  for (const asset of assets) {
    const wantedName = basename(asset.path);
    const candidates = files
      .filter((file) => file.size === asset.media.sizeBytes)
      .sort((a, b) => Number(b.name === wantedName) - Number(a.name === wantedName));
    for (const candidate of candidates) {
      if ((await hashOf(candidate.path)) === asset.contentHash) {
        found.set(asset.id, candidate.path);
        break;
      }
    }
  }
  return found;
}
