import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../fs/atomicWrite';
import { isTerminal, type JobRecord } from './jobRecord';

/**
 * The job journal: an append-only JSONL file, one full job snapshot per line, fsynced before the
 * engine makes the remote call it announces (the create above all). The last line per job wins. On
 * open, a journal with many superseded lines is compacted atomically (write-temp, fsync, rename),
 * keeping every unfinished job and the most recent finished ones. A torn last line (a crash in
 * the middle of a write) is ignored.
 */
export class JobJournal {
  private handle: FileHandle | null = null;
  private pending: Array<{ line: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  private lines = 0;

  constructor(
    readonly file: string,
    private readonly options: { keepFinished?: number; compactAfterLines?: number } = {},
  ) {}

  /** Reads every job (latest snapshot of each), compacting when worthwhile. */
  async load(): Promise<JobRecord[]> {
    await mkdir(dirname(this.file), { recursive: true });
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const latest = new Map<string, JobRecord>();
    let lineCount = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      lineCount += 1;
      try {
        const parsed = JSON.parse(line) as { v?: number; job?: JobRecord };
        if (parsed.v === 1 && parsed.job?.id) latest.set(parsed.job.id, parsed.job);
      } catch {
        // A torn line from a crash mid-write: the previous snapshot of that job stands.
      }
    }
    const jobs = [...latest.values()];
    const keep = this.keepSet(jobs);
    if (lineCount > (this.options.compactAfterLines ?? 2000) || keep.length < jobs.length) {
      await writeFileAtomic(this.file, keep.map((job) => `${JSON.stringify({ v: 1, job })}\n`).join(''));
      lineCount = keep.length;
    }
    this.lines = lineCount;
    return keep;
  }

  /**
   * Appends a snapshot; resolves once it is fsynced. Writes that arrive while a flush runs are
   * grouped into the next one (one write + one fdatasync for many jobs), in call order.
   */
  write(job: JobRecord): Promise<void> {
    const line = `${JSON.stringify({ v: 1, job })}\n`;
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.scheduleFlush();
    });
  }

  get lineCount(): number {
    return this.lines;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.scheduleFlush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        this.handle ??= await open(this.file, 'a', 0o600);
        await this.handle.write(batch.map((entry) => entry.line).join(''));
        await this.handle.datasync();
        this.lines += batch.length;
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }

  private keepSet(jobs: JobRecord[]): JobRecord[] {
    const keepFinished = this.options.keepFinished ?? 500;
    const active = jobs.filter((job) => !isTerminal(job.state) || job.state === 'uncertain');
    const finished = jobs
      .filter((job) => isTerminal(job.state) && job.state !== 'uncertain')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, keepFinished);
    return [...active, ...finished];
  }
}
