import { appChannels } from './app';
import { interchangeChannels } from './interchange';
import { mediaChannels } from './media';
import { projectChannels } from './project';
import { renderChannels } from './render';

/**
 * Every request channel of the contract, `domain:verb`. Each domain keeps its channels in its own
 * file beside this one and is spread in here; hosts register a handler for every key.
 */
export const channels = {
  ...appChannels,
  ...interchangeChannels,
  ...projectChannels,
  ...mediaChannels,
  ...renderChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
