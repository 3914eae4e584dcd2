/**
 * Project files the OS asked to open (first launch, second launch, macOS open-file), held until a
 * window's page has loaded and can listen, then delivered in order. A request while a page is
 * connected goes straight through.
 */
export class OpenFileRequests {
  private readonly pending: string[] = [];
  private deliver: ((path: string) => void) | null = null;

  request(path: string): void {
    if (this.deliver) this.deliver(path);
    else this.pending.push(path);
  }

  /** A page is ready: deliver what waited, then everything that comes later. */
  connect(deliver: (path: string) => void): void {
    this.deliver = deliver;
    for (const path of this.pending.splice(0)) deliver(path);
  }

  /** The page went away (closed, reloading): hold requests again. */
  disconnect(): void {
    this.deliver = null;
  }

  get waiting(): readonly string[] {
    return this.pending;
  }
}
