import type { Sequence } from '../model';
import type { FlatTrack, PlacedClip } from './flatten';
import type { RenderPreset } from './presets';
import type { RenderStep } from './renderPlan';
import type { PictureUnit } from './smartChoice';

export interface ConcatCopyQuestion {
  units: PictureUnit[];
  sequence: Sequence;
  preset: RenderPreset;
  audio: Array<{ flat: FlatTrack }>;
  audible: (placed: PlacedClip) => boolean;
  range: { startFrame: number; endFrame: number };
  length: number;
  loudnessLufs: number | null;
  smart: 'auto' | 'forceEncode';
}

function soundUntouched(placed: PlacedClip): boolean {
  const { clip } = placed;
  return (
    clip.gainDb === 0 &&
    clip.volumeKeyframes.length === 0 &&
    clip.audioFadeInFrames === 0 &&
    clip.audioFadeOutFrames === 0
  );
}

/**
 * The fastest export: every shot is a whole MP4 file that matches the output and each other (copy
 * decided per unit), its sound is AAC 48 kHz stereo left as it is, and nothing else sounds. Then the
 * concat demuxer joins the files by stream copy, placing each by its container duration (the AAC
 * padding does not drift there, performance.md). Returns the concat list, or null.
 */
export function concatCopyPossible(
  question: ConcatCopyQuestion,
): { list: { path: string; text: string } } | null {
  const { units, preset, sequence } = question;
  if (question.smart !== 'auto' || preset.container !== 'mp4' || preset.audio?.codec !== 'aac') return null;
  if (question.loudnessLufs !== null || sequence.sampleRate !== 48000) return null;
  if (question.range.startFrame !== 0 || question.range.endFrame !== question.length) return null;
  if (
    question.audio.some((entry) =>
      entry.flat.clips.some((placed) => question.audible(placed) && placed.asset.media.audio),
    )
  )
    return null;
  const files: string[] = [];
  for (const unit of units) {
    if (unit.kind !== 'clip' || unit.path !== 'copy' || unit.useEditReady) return null;
    const { placed } = unit;
    const { asset, clip } = placed;
    const video = asset.media.video;
    const sound = asset.media.audio;
    if (!video || !sound || !/mp4|mov/.test(asset.media.container)) return null;
    if (
      clip.sourceIn !== 0 ||
      unit.clipFrom !== 0 ||
      unit.frames !== clip.durationFrames ||
      unit.frames !== video.frameCount
    )
      return null;
    if (
      sound.codec !== 'aac' ||
      sound.sampleRate !== 48000 ||
      sound.channels !== 2 ||
      asset.media.audioStreamCount !== 1
    )
      return null;
    if (!question.audible(placed) || !soundUntouched(placed)) return null;
    files.push(`file @asset/${asset.id}`);
  }
  if (files.length === 0) return null;
  return { list: { path: '@work/video.txt', text: ['ffconcat version 1.0', ...files, ''].join('\n') } };
}

export function concatCopyStep(frameCount: number, durationUs: number, outputOptions: string[]): RenderStep {
  return {
    id: 'concat',
    phase: 0,
    label: 'Join shots (stream copy)',
    weightFrames: frameCount,
    expectedDurationUs: durationUs,
    soundSamples: null,
    invocation: {
      inputs: [{ path: '@work/video.txt', options: ['-f', 'concat', '-safe', '0'] }],
      globalOptions: [],
      filterComplex: null,
      outputs: [
        { path: '@output', options: ['-map', '0:v:0', '-map', '0:a:0', '-c', 'copy', ...outputOptions] },
      ],
    },
  };
}
