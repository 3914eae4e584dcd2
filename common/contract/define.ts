import type { z } from 'zod';

/** A request channel: a zod schema for the request and a phantom type for the response. */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Never read at run time: carries the response type. */
  readonly response: Res;
}

/** `channel(schema).returns<T>()` declares one request channel. */
export function channel<Req extends z.ZodType>(request: Req) {
  return {
    returns<Res>(): ChannelSpec<Req, Res> {
      return { request, response: undefined as unknown as Res };
    },
  };
}

/** An event pushed from the core to every window: the payload type only. */
export interface EventSpec<Payload> {
  readonly payload: Payload;
}

export function event<Payload>(): EventSpec<Payload> {
  return { payload: undefined as unknown as Payload };
}
