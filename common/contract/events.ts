import { event } from './define';

/** Every event the core pushes to windows, `domain:pastTense`. */
export const events = {
  'app:ffmpegChanged': event<{ usable: boolean }>(),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E]['payload'];
