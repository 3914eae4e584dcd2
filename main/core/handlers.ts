import type {
  ChannelName,
  ParsedRequestOf,
  ResponseOf,
  EventName,
  EventPayload,
} from '../../common/contract';

/** Who is calling: the host, and for the Electron host the frame that sent the request. */
export interface CallContext {
  host: 'electron' | 'web' | 'cli';
  /** Aborted when the caller goes away (window closed, socket dropped). */
  signal?: AbortSignal;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** A handler for every channel: the type checker refuses a core that misses one. */
export type HandlerMap = { [C in ChannelName]: Handler<C> };

export type EventEmit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
