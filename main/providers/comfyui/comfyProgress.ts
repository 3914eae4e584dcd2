import WebSocket from 'ws';

/**
 * Progress from ComfyUI's WebSocket (`/ws?clientId=…`): `progress {value, max, prompt_id}` frames
 * while a node runs (the sampler's steps), `executing {node: null, prompt_id}` when a prompt ends.
 * One socket per machine and client id; it closes once no watched prompt remains on it. Binary
 * preview frames are ignored. A socket that fails is dropped (polling `/history` still works).
 */
export class ComfyProgressWatcher {
  private readonly sockets = new Map<string, { socket: WebSocket; prompts: Set<string> }>();
  private readonly progress = new Map<string, number>();
  private readonly socketOf = new Map<string, string>();

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  watch(machine: string, clientId: string, promptId: string, headers: Record<string, string>): void {
    const key = `${machine}|${clientId}`;
    let entry = this.sockets.get(key);
    if (
      !entry ||
      entry.socket.readyState === WebSocket.CLOSED ||
      entry.socket.readyState === WebSocket.CLOSING
    ) {
      const url = `${machine.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
      const socket = new WebSocket(url, { headers, handshakeTimeout: 5_000 });
      entry = { socket, prompts: entry?.prompts ?? new Set() };
      this.sockets.set(key, entry);
      socket.on('message', (data, isBinary) => {
        if (!isBinary) this.onFrame(data.toString());
      });
      // Progress is a nicety: an open socket must never keep a CLI run alive.
      socket.on('upgrade', (response) => response.socket.unref());
      socket.on('error', (error) => this.log(`comfyui: progress socket ${machine}: ${error.message}`));
      socket.on('close', () => {
        if (this.sockets.get(key)?.socket === socket) this.sockets.delete(key);
      });
    }
    entry.prompts.add(promptId);
    this.socketOf.set(promptId, key);
  }

  /** 0..1 for a watched prompt, null when nothing was heard yet. */
  progressOf(promptId: string): number | null {
    return this.progress.get(promptId) ?? null;
  }

  /** Stops watching a prompt; closes its socket when it was the last one. */
  forget(promptId: string): void {
    this.progress.delete(promptId);
    const key = this.socketOf.get(promptId);
    this.socketOf.delete(promptId);
    const entry = key ? this.sockets.get(key) : undefined;
    if (!entry || !key) return;
    entry.prompts.delete(promptId);
    if (entry.prompts.size === 0) {
      this.sockets.delete(key);
      entry.socket.terminate();
    }
  }

  /** How many sockets are open (tests check that they close by themselves). */
  get openSockets(): number {
    return this.sockets.size;
  }

  close(): void {
    for (const { socket } of this.sockets.values()) socket.terminate();
    this.sockets.clear();
    this.socketOf.clear();
    this.progress.clear();
  }

  private onFrame(text: string): void {
    let frame: {
      type?: unknown;
      data?: { prompt_id?: unknown; value?: unknown; max?: unknown; node?: unknown };
    };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    const promptId = typeof frame.data?.prompt_id === 'string' ? frame.data.prompt_id : null;
    if (!promptId || !this.socketOf.has(promptId)) return;
    if (
      frame.type === 'progress' &&
      typeof frame.data?.value === 'number' &&
      typeof frame.data.max === 'number' &&
      frame.data.max > 0
    ) {
      this.progress.set(promptId, Math.min(1, Math.max(0, frame.data.value / frame.data.max)));
    } else if (
      (frame.type === 'executing' && frame.data?.node === null) ||
      frame.type === 'execution_success'
    ) {
      this.progress.set(promptId, 1);
    }
  }
}
