import { AppError } from '../../../common/contract';

/** A task of the queue: gets a signal that aborts when the task is cancelled. */
export type BackgroundTask<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  key: string;
  task: BackgroundTask<unknown>;
  controller: AbortController;
  promise: Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  started: boolean;
}

/**
 * Background work, a few at a time (two by default: thumbnails, filmstrips, peaks, proxies). Tasks
 * are keyed: asking again for a key that is queued or running joins it instead of running twice.
 * `cancel(key)` drops a queued task or aborts a running one; `dispose()` cancels everything.
 */
export class BackgroundQueue {
  private readonly waiting: Entry[] = [];
  private readonly entries = new Map<string, Entry>();
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(readonly concurrency = 2) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be ≥ 1');
  }

  /** Runs `task` under `key` when a slot is free; `front` puts it before the waiting tasks. */
  run<T>(key: string, task: BackgroundTask<T>, options: { front?: boolean } = {}): Promise<T> {
    const existing = this.entries.get(key);
    if (existing) {
      if (options.front && !existing.started) {
        const index = this.waiting.indexOf(existing);
        if (index > 0) {
          this.waiting.splice(index, 1);
          this.waiting.unshift(existing);
        }
      }
      return existing.promise as Promise<T>;
    }
    let resolve!: (value: unknown) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Entry = {
      key,
      task: task as BackgroundTask<unknown>,
      controller: new AbortController(),
      promise,
      resolve,
      reject,
      started: false,
    };
    this.entries.set(key, entry);
    if (options.front) this.waiting.unshift(entry);
    else this.waiting.push(entry);
    this.pump();
    return promise as Promise<T>;
  }

  /** Cancels a queued or running task; its promise rejects with CANCELLED. */
  cancel(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (!entry.started) {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      this.entries.delete(key);
      entry.reject(new AppError('CANCELLED', 'Cancelled.'));
      this.notifyIdle();
    } else entry.controller.abort();
    return true;
  }

  /** Tasks waiting plus running. */
  get size(): number {
    return this.entries.size;
  }

  get running(): number {
    return this.active;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void> {
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.cancel(key);
  }

  private pump(): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const entry = this.waiting.shift();
      if (!entry) break;
      entry.started = true;
      this.active += 1;
      const signal = entry.controller.signal;
      void (async () => {
        try {
          const value = await entry.task(signal);
          if (signal.aborted) entry.reject(new AppError('CANCELLED', 'Cancelled.'));
          else entry.resolve(value);
        } catch (error) {
          entry.reject(signal.aborted ? new AppError('CANCELLED', 'Cancelled.') : error);
        } finally {
          this.active -= 1;
          this.entries.delete(entry.key);
          this.pump();
          this.notifyIdle();
        }
      })();
    }
  }

  private notifyIdle(): void {
    if (this.entries.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
