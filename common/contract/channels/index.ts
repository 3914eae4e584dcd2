import { appChannels } from './app';
import { generateChannels } from './generate';
import { interchangeChannels } from './interchange';
import { jobChannels } from './job';
import { mediaChannels } from './media';
import { mediaCacheChannels } from './mediaCache';
import { projectChannels } from './project';
import { renderChannels } from './render';
import { revealChannels } from './reveal';
import { settingsChannels } from './settings';
import { settingsKeyChannels } from './settingsKeys';

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
  ...generateChannels,
  ...jobChannels,
  ...settingsKeyChannels,
  ...settingsChannels,
  ...mediaCacheChannels,
  ...revealChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
