import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ProbedMedia } from '../../ffmpeg/probeFacts';

/** Bump when ProbedMedia's shape or meaning changes: older cache files are ignored. */
const cacheVersion = 1;

interface CacheEntry {
  version: number;
  key: string;
  probed: ProbedMedia;
}

/**
 * Probe results and keyframe lists, keyed by absolute path + size + mtime, in memory and as small
 * JSON files in a cache folder (the project's cache/probe, or the data dir's). A changed file gets a
 * new key, so it is probed again; a broken cache file is ignored.
 */
export class ProbeCache {
  private readonly memory = new Map<string, ProbedMedia>();
  private readonly pending = new Map<string, Promise<ProbedMedia>>();
  /** How many lookups were answered without probing (tests and benches read it). */
  hits = 0;

  constructor(private readonly folder: () => string) {}

  async keyOf(path: string): Promise<string> {
    const info = await stat(path);
    return `${resolve(path)}|${info.size}|${Math.trunc(info.mtimeMs)}`;
  }

  private fileFor(key: string): string {
    return join(this.folder(), `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  /** The cached result for `path`, or the result of `probe()` (stored for next time). */
  async get(path: string, probe: () => Promise<ProbedMedia>): Promise<ProbedMedia> {
    let key: string;
    try {
      key = await this.keyOf(path);
    } catch {
      return probe(); // let the probe report the missing file
    }
    const known = this.memory.get(key);
    if (known) {
      this.hits += 1;
      return known;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const work = this.load(key, probe);
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      this.pending.delete(key);
    }
  }

  private async load(key: string, probe: () => Promise<ProbedMedia>): Promise<ProbedMedia> {
    const file = this.fileFor(key);
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as CacheEntry;
      if (entry.version === cacheVersion && entry.key === key) {
        this.memory.set(key, entry.probed);
        this.hits += 1;
        return entry.probed;
      }
    } catch {
      // not cached yet, or unreadable: probe
    }
    const probed = await probe();
    this.memory.set(key, probed);
    try {
      await mkdir(this.folder(), { recursive: true });
      const entry: CacheEntry = { version: cacheVersion, key, probed };
      await writeFile(file, JSON.stringify(entry));
    } catch {
      // A cache that cannot be written only costs a probe next time.
    }
    return probed;
  }
}
