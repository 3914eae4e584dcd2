import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface PidEntry {
  pid: number;
  /** Our own process, which started it: an entry whose owner is alive is not an orphan. */
  ownerPid: number;
  startedAt: string;
  /** A piece of the command line (the output path) that identifies the child beyond its pid. */
  marker: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process where the OS shows it (/proc on Linux); null elsewhere. */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

/**
 * Records every ffmpeg child in `<dataDir>/ffmpeg-pids/<pid>.json` while it runs. At the next start,
 * children left behind by a crash (owner gone, process still there, command line still ours) are
 * ended; stale entries are removed. A pid reused by an unrelated program is never touched.
 */
export class PidRegistry {
  private readonly folder: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'ffmpeg-pids');
  }

  async add(pid: number, marker: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const entry: PidEntry = { pid, ownerPid: process.pid, startedAt: new Date().toISOString(), marker };
    await writeFile(join(this.folder, `${pid}.json`), JSON.stringify(entry));
  }

  async remove(pid: number): Promise<void> {
    await rm(join(this.folder, `${pid}.json`), { force: true });
  }

  /** Ends orphaned children; answers the pids it ended. */
  async reapOrphans(graceMs = 1500): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const ended: number[] = [];
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      const path = join(this.folder, name);
      let entry: PidEntry;
      try {
        entry = JSON.parse(await readFile(path, 'utf8')) as PidEntry;
      } catch {
        await rm(path, { force: true });
        continue;
      }
      if (alive(entry.ownerPid)) continue;
      const command = commandLine(entry.pid);
      if (alive(entry.pid) && command !== null && /ffmpeg/.test(command) && command.includes(entry.marker)) {
        process.kill(entry.pid, 'SIGTERM');
        const deadline = Date.now() + graceMs;
        while (alive(entry.pid) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        if (alive(entry.pid)) process.kill(entry.pid, 'SIGKILL');
        ended.push(entry.pid);
      }
      await rm(path, { force: true });
    }
    return ended;
  }
}
