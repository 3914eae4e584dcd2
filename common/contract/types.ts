import type { z } from 'zod';
import type { ChannelName, Channels } from './channels';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/** What a caller passes (before schema defaults apply). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives (after validation and defaults). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = Channels[C]['response'];

/** The API every host gives the renderer as `window.shotloom`. */
export interface ShotloomApi {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Which host serves this window, and how media is addressed in it. */
  host: { kind: 'electron' | 'web'; mediaUrl(assetId: string): string };
}
