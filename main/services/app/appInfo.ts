import type { AppInfo, HostKind } from '../../../common/contract';
import type { Binaries } from '../../ffmpeg/binaries';

export const appVersion = '0.1.0';

export async function appInfo(host: HostKind, binaries: Binaries, dataDir: string): Promise<AppInfo> {
  const { ffmpeg, ffprobe } = await binaries.resolve();
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    name: 'Shotloom',
    version: appVersion,
    host,
    platform: process.platform,
    arch: process.arch,
    versions: {
      node: versions.node,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      v8: versions.v8,
    },
    ffmpeg,
    ffprobe,
    dataDir,
  };
}
