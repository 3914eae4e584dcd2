import { AppError, type BinaryInfo } from '../../common/contract';
import { resolveBinary, type BinaryLookup } from './resolveBinaries';

export interface ResolvedBinaries {
  ffmpeg: BinaryInfo;
  ffprobe: BinaryInfo;
}

/**
 * Holds the resolved ffmpeg/ffprobe for the life of the core. Resolution runs once (and again when
 * settings change); services ask for a usable path and get a clear AppError when there is none.
 */
export class Binaries {
  private current: Promise<ResolvedBinaries> | null = null;

  constructor(private lookup: () => BinaryLookup) {}

  resolve(): Promise<ResolvedBinaries> {
    this.current ??= Promise.all([
      resolveBinary('ffmpeg', { ...this.lookup(), settingPath: this.lookup().settingPath ?? null }),
      resolveBinary('ffprobe', {
        ...this.lookup(),
        settingPath: siblingProbe(this.lookup().settingPath ?? null),
      }),
    ]).then(([ffmpeg, ffprobe]) => ({ ffmpeg, ffprobe }));
    return this.current;
  }

  /** Forget the cached answer (the ffmpeg setting changed). */
  invalidate(): void {
    this.current = null;
  }

  async ffmpegPath(): Promise<string> {
    return usablePath((await this.resolve()).ffmpeg);
  }

  async ffprobePath(): Promise<string> {
    return usablePath((await this.resolve()).ffprobe);
  }
}

/** A user who points Settings at an ffmpeg binary means the ffprobe beside it. */
function siblingProbe(ffmpegSetting: string | null): string | null {
  if (!ffmpegSetting) return null;
  return ffmpegSetting.replace(
    /ffmpeg(\.exe)?$/i,
    (_match, exe: string | undefined) => `ffprobe${exe ?? ''}`,
  );
}

function usablePath(info: BinaryInfo): string {
  if (info.problem || !info.path) {
    throw new AppError(info.problem?.code ?? 'FFMPEG_MISSING', info.problem?.message ?? 'FFmpeg is missing.');
  }
  return info.path;
}
