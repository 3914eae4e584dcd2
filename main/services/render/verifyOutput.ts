import type { RenderPlan } from '../../../common/render/renderPlan';
import { probeOutputCounts, type OutputCounts } from './probeForRender';

export interface Verification {
  ok: boolean;
  problems: string[];
  counts: OutputCounts;
  expected: { frameCount: number; sampleCount: number; seconds: number };
}

/**
 * Checks a finished file against the plan before it is handed over: the exact frame count, a video
 * duration within one frame of it, and sound as long as the picture (within one frame). Sample-exact
 * formats (WAV) must have the exact sample count.
 */
export async function verifyOutput(
  plan: RenderPlan,
  path: string,
  ffprobePath: string,
  signal?: AbortSignal,
): Promise<Verification> {
  const sampleTables = plan.output.container === 'mp4' || plan.output.container === 'mov';
  const counts = await probeOutputCounts(ffprobePath, path, signal, !sampleTables);
  const { output } = plan;
  const frameSeconds = output.rate.den / output.rate.num;
  const seconds = output.durationUs / 1e6;
  const problems: string[] = [];
  const hasVideo = output.videoCodec !== null;
  if (hasVideo) {
    if (counts.videoFrames !== output.frameCount)
      problems.push(`${counts.videoFrames ?? 'no'} video frames, expected ${output.frameCount}`);
    if (
      output.videoCodec !== 'png' &&
      (counts.videoSeconds === null || Math.abs(counts.videoSeconds - seconds) > frameSeconds + 1e-6)
    ) {
      problems.push(`video lasts ${counts.videoSeconds ?? '?'} s, expected ${seconds} s`);
    }
  }
  if (output.audioCodec !== null) {
    if (counts.audioSeconds === null || !Number.isFinite(counts.audioSeconds)) problems.push('no sound');
    else {
      const reference = hasVideo && counts.videoSeconds !== null ? counts.videoSeconds : seconds;
      if (Math.abs(counts.audioSeconds - reference) > frameSeconds + 1e-6) {
        problems.push(`sound lasts ${counts.audioSeconds} s, picture ${reference} s`);
      }
      if (output.audioCodec === 'pcm_s16le' && !hasVideo && counts.audioSamples !== output.sampleCount) {
        problems.push(`${counts.audioSamples ?? '?'} samples, expected ${output.sampleCount}`);
      }
    }
  }
  return {
    ok: problems.length === 0,
    problems,
    counts,
    expected: { frameCount: output.frameCount, sampleCount: output.sampleCount, seconds },
  };
}
