import type { EventName, EventPayload } from '../../common/contract';

type AnyListener = (event: EventName, payload: unknown) => void;

/** Fan-out of core events to every connected window (IPC senders, WebSocket clients, CLI printers). */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A listener that throws (a closed window) must not stop the others.
      }
    }
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
