/** Per-provider concurrency: how many jobs may have a task open at a provider at once. */
export class ProviderSlots {
  private readonly inUse = new Map<string, number>();
  private readonly waiters = new Map<string, Array<() => void>>();

  constructor(private readonly limitOf: (provider: string) => number) {}

  /** Waits for a free slot; false when the signal aborted first. */
  acquire(provider: string, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if ((this.inUse.get(provider) ?? 0) < this.limitOf(provider)) {
      this.take(provider);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const queue = this.waiters.get(provider) ?? [];
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.take(provider);
        resolve(true);
      };
      const onAbort = (): void => {
        const list = this.waiters.get(provider) ?? [];
        const index = list.indexOf(wake);
        if (index >= 0) list.splice(index, 1);
        resolve(false);
      };
      queue.push(wake);
      this.waiters.set(provider, queue);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Takes a slot without waiting (a job resumed after a restart already has a task open). */
  force(provider: string): void {
    this.take(provider);
  }

  release(provider: string): void {
    const used = Math.max(0, (this.inUse.get(provider) ?? 0) - 1);
    this.inUse.set(provider, used);
    if (used < this.limitOf(provider)) this.waiters.get(provider)?.shift()?.();
  }

  used(provider: string): number {
    return this.inUse.get(provider) ?? 0;
  }

  private take(provider: string): void {
    this.inUse.set(provider, (this.inUse.get(provider) ?? 0) + 1);
  }
}
