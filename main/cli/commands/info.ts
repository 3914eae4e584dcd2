import type { AppInfo } from '../../../common/contract';
import type { Core } from '../../core/createCore';
import { printResult, type CliIo } from '../output';
import { unwrap } from '../unwrap';

function describeBinary(name: string, info: AppInfo['ffmpeg']): string {
  if (info.problem) return `${name}: NOT USABLE — ${info.problem.message}`;
  return `${name}: ${info.version ?? '?'} (${info.path}, from ${info.source})`;
}

export async function infoCommand(core: Core, io: CliIo): Promise<number> {
  const info = unwrap(await core.invoke('app:info', {}, { host: 'cli' })) as AppInfo;
  printResult(io, info, () =>
    [
      `${info.name} ${info.version} (${info.host} host, ${info.platform}/${info.arch}, node ${info.versions.node})`,
      describeBinary('ffmpeg', info.ffmpeg),
      describeBinary('ffprobe', info.ffprobe),
      `data: ${info.dataDir}`,
    ].join('\n'),
  );
  return info.ffmpeg.problem || info.ffprobe.problem ? 2 : 0;
}
