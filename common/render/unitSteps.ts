import type { Sequence } from '../model';
import { clipSoundChain, crossfadeChain, samplesBetween, silenceChain } from './audioGraph';
import type { PlacedClip } from './flatten';
import { compositeChain } from './overlays';
import type { RenderPreset } from './presets';
import type { PlanInvocation } from './renderPlan';
import type { PictureUnit } from './smartChoice';
import { framesToSeconds, sourceOffsetUs, usToSeconds } from './sourceTime';
import {
  blackChain,
  clipPictureChain,
  readStartFrame,
  transitionChain,
  type PictureFormat,
} from './videoGraph';

export interface UnitContext {
  sequence: Sequence;
  preset: RenderPreset;
  format: PictureFormat;
  /** Encoder arguments for video chunks (the same for every chunk: identical headers). */
  videoEncoderArgs: string[];
  editReadyIds: Set<string>;
  /** Which outputs the unit writes. */
  wantVideo: boolean;
  wantSound: boolean;
  /** Sound of each clip is audible (track mute/solo, clip mute). */
  audible: (placed: PlacedClip) => boolean;
}

export interface UnitOutputs {
  video: string | null;
  sound: string | null;
  /** Extra output options (a still PNG). */
  videoOptions?: string[];
}

export function sourceToken(placed: PlacedClip, context: UnitContext): string {
  const id = placed.asset.id;
  return context.editReadyIds.has(id) ? `@editReady/${id}` : `@asset/${id}`;
}

/** Input options that read a clip from clip frame `readFrom` for `frames` frames (plus slack). */
function clipInput(placed: PlacedClip, readFrom: number, frames: number, context: UnitContext, copy = false) {
  const { sequence } = context;
  const length = framesToSeconds(frames + 2, sequence.rate);
  if (placed.asset.kind === 'image') {
    return {
      path: sourceToken(placed, context),
      options: ['-loop', '1', '-framerate', `${sequence.rate.num}/${sequence.rate.den}`, '-t', length],
    };
  }
  const startUs = sourceOffsetUs(placed, sequence, readFrom) + (copy ? 1 : 0);
  const options = ['-ss', usToSeconds(startUs)];
  if (!copy) options.push('-t', length);
  return { path: sourceToken(placed, context), options };
}

function hasSound(placed: PlacedClip, context: UnitContext): boolean {
  return placed.asset.media.audio !== null && context.audible(placed);
}

function videoOutput(path: string, frames: number, context: UnitContext, extra: string[] = []) {
  const encoder = context.preset.video;
  const codec = encoder ? ['-c:v', encoder.encoder, ...context.videoEncoderArgs] : [];
  return { path, options: ['-map', '[v]', ...codec, '-frames:v', String(frames), '-an', ...extra] };
}

function soundOutput(path: string, context: UnitContext) {
  return {
    path,
    options: [
      '-map',
      '[a]',
      '-c:a',
      'pcm_f32le',
      '-ar',
      String(context.sequence.sampleRate),
      '-ac',
      '2',
      '-vn',
    ],
  };
}

/**
 * The clips laid over a unit (inputs appended to `inputs`): each one's picture with alpha over the
 * unit's own ('base' → 'v'), and its sound mixed with the unit's ('abase' → 'a').
 */
function overlayGraph(
  unit: PictureUnit,
  inputs: PlanInvocation['inputs'],
  context: UnitContext,
  want: { wantVideo: boolean; wantSound: boolean; samples: number },
): string[] {
  const { sequence, format } = context;
  const graph: string[] = [];
  const pictures: string[] = [];
  const sounds: string[] = [];
  unit.overlays.forEach((placed, index) => {
    const clipFrom = unit.startFrame - placed.startFrame;
    const readFrom = want.wantVideo ? readStartFrame(placed, clipFrom) : clipFrom;
    const input = inputs.length;
    inputs.push(clipInput(placed, readFrom, unit.frames + (clipFrom - readFrom), context));
    if (want.wantVideo) {
      graph.push(
        clipPictureChain(
          `${input}:v:0`,
          placed,
          sequence,
          format,
          readFrom,
          clipFrom,
          unit.frames,
          `o${index}`,
          'overlay',
        ),
      );
      pictures.push(`o${index}`);
    }
    if (want.wantSound && hasSound(placed, context)) {
      const skip = samplesBetween(readFrom, clipFrom, sequence);
      graph.push(
        clipSoundChain(`${input}:a:0`, placed, sequence, clipFrom, want.samples, `oa${index}`, skip),
      );
      sounds.push(`oa${index}`);
    }
  });
  if (want.wantVideo) graph.push(compositeChain('base', pictures, format, 'v'));
  if (want.wantSound)
    graph.push(
      sounds.length > 0
        ? `[abase]${sounds.map((label) => `[${label}]`).join('')}amix=inputs=${sounds.length + 1}:normalize=0,atrim=end_sample=${want.samples}[a]`
        : '[abase]anull[a]',
    );
  return graph;
}

/** One ffmpeg run for one picture unit: its video chunk and/or its sound chunk. */
export function unitInvocation(
  unit: PictureUnit,
  outputs: UnitOutputs,
  context: UnitContext,
): PlanInvocation {
  const { sequence, format } = context;
  const samples = samplesBetween(unit.startFrame, unit.startFrame + unit.frames, sequence);
  const inputs: PlanInvocation['inputs'] = [];
  const graph: string[] = [];
  const outs: PlanInvocation['outputs'] = [];
  const wantVideo = context.wantVideo && outputs.video !== null;
  const wantSound = context.wantSound && outputs.sound !== null;
  // With clips laid over the unit, its own picture and sound are made first, then composited/mixed.
  const layered = unit.overlays.length > 0;
  const picture = layered ? 'base' : 'v';
  const sound = layered ? 'abase' : 'a';

  if (unit.kind === 'gap') {
    if (wantVideo) graph.push(blackChain(sequence, format, unit.frames, picture));
    if (wantSound) graph.push(silenceChain(sequence, samples, sound));
  } else if (unit.kind === 'clip') {
    const { placed } = unit;
    if (unit.path === 'copy' && wantVideo) {
      inputs.push(clipInput(placed, unit.clipFrom, unit.frames, context, true));
      outs.push({
        path: outputs.video ?? '',
        options: ['-map', '0:v:0', '-c:v', 'copy', '-frames:v', String(unit.frames), '-an'],
      });
      if (wantSound) {
        graph.push(
          hasSound(placed, context)
            ? clipSoundChain('0:a:0', placed, sequence, unit.clipFrom, samples, 'a')
            : silenceChain(sequence, samples, 'a'),
        );
      }
    } else {
      const readFrom = wantVideo ? readStartFrame(placed, unit.clipFrom) : unit.clipFrom;
      inputs.push(clipInput(placed, readFrom, unit.frames + (unit.clipFrom - readFrom), context));
      if (wantVideo)
        graph.push(
          clipPictureChain('0:v:0', placed, sequence, format, readFrom, unit.clipFrom, unit.frames, picture),
        );
      if (wantSound) {
        const skip = samplesBetween(readFrom, unit.clipFrom, sequence);
        graph.push(
          hasSound(placed, context)
            ? clipSoundChain('0:a:0', placed, sequence, unit.clipFrom, samples, sound, skip)
            : silenceChain(sequence, samples, sound),
        );
      }
    }
  } else {
    const { segment } = unit;
    const sides = [
      { placed: segment.from, clipFrom: segment.windowStart - segment.from.startFrame, label: 'x' },
      { placed: segment.to, clipFrom: segment.windowStart - segment.to.startFrame, label: 'y' },
    ];
    const windowSamples = samplesBetween(
      segment.windowStart,
      segment.windowStart + segment.windowFrames,
      sequence,
    );
    const keepFromFrames = unit.startFrame - segment.windowStart;
    const keepFromSamples = samplesBetween(segment.windowStart, unit.startFrame, sequence);
    sides.forEach((side, index) => {
      const readFrom = wantVideo ? readStartFrame(side.placed, side.clipFrom) : side.clipFrom;
      inputs.push(
        clipInput(side.placed, readFrom, segment.windowFrames + (side.clipFrom - readFrom), context),
      );
      if (wantVideo) {
        graph.push(
          clipPictureChain(
            `${index}:v:0`,
            side.placed,
            sequence,
            format,
            readFrom,
            side.clipFrom,
            segment.windowFrames,
            `${side.label}v`,
          ),
        );
      }
      if (wantSound) {
        const skip = samplesBetween(readFrom, side.clipFrom, sequence);
        graph.push(
          hasSound(side.placed, context)
            ? clipSoundChain(
                `${index}:a:0`,
                side.placed,
                sequence,
                side.clipFrom,
                windowSamples,
                `${side.label}a`,
                skip,
              )
            : silenceChain(sequence, windowSamples, `${side.label}a`),
        );
      }
    });
    if (wantVideo) {
      graph.push(
        transitionChain(
          'xv',
          'yv',
          segment.transition.kind,
          sequence,
          segment.windowFrames,
          keepFromFrames,
          unit.frames,
          picture,
        ),
      );
    }
    if (wantSound) graph.push(crossfadeChain('xa', 'ya', windowSamples, keepFromSamples, samples, sound));
  }
  if (layered) graph.push(...overlayGraph(unit, inputs, context, { wantVideo, wantSound, samples }));

  const copyVideo = unit.kind === 'clip' && unit.path === 'copy';
  if (wantVideo && !copyVideo)
    outs.push(videoOutput(outputs.video ?? '', unit.frames, context, outputs.videoOptions));
  if (wantSound) outs.push(soundOutput(outputs.sound ?? '', context));
  return {
    inputs,
    globalOptions: [],
    filterComplex: graph.length > 0 ? graph.join(';') : null,
    outputs: outs,
  };
}
