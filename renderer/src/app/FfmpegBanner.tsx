import type { AppInfo } from '../../../common/contract';

/** Shown across the top when ffmpeg or ffprobe cannot be used: import, export and the Animatic need them. */
export function FfmpegBanner({ info }: { info: AppInfo }) {
  const problems = [info.ffmpeg.problem, info.ffprobe.problem].filter((problem) => problem !== null);
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="ffmpeg-banner">
      <strong>FFmpeg is not usable.</strong> {problems.map((problem) => problem.message).join(' ')}
    </div>
  );
}
