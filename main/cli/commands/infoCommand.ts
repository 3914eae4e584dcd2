import type { CliCommand } from '../cliCommand';
import { infoCommand as runInfo } from './info';

export const infoCommand: CliCommand = {
  name: 'info',
  usage: 'info',
  summary: 'versions, platform, and the ffmpeg/ffprobe in use',
  options: {},
  run: ({ core, io }) => runInfo(core, io),
};
