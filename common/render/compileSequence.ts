import type { Project, Sequence, Track } from '../model';
import { samplesBetween } from './audioGraph';
import { clipSegmentsToRange, flattenTrack, type FlatTrack, type PlacedClip } from './flatten';
import { mixInvocation } from './mixStep';
import { overlayTracks, splitAtOverlays } from './overlays';
import { editReadyX264Args, type RenderPreset } from './presets';
import { metadataFor, provenanceOf } from './provenance';
import type { CompileResult, PlanIssue, RenderPlan, RenderStep, SegmentDecision } from './renderPlan';
import { chooseUnits, type EditReadyFacts, type PictureUnit } from './smartChoice';
import { framesToUs } from './sourceTime';
import { concatCopyPossible, concatCopyStep } from './concatCopy';
import { unitInvocation, type UnitContext } from './unitSteps';

export interface RenderRange {
  startFrame: number;
  endFrame: number;
}

export interface CompileOptions {
  smart?: 'auto' | 'forceEncode';
  /** Keyframe frame indices of the original files by asset id (probe data, not read from disk here). */
  keyframes?: Record<string, number[]>;
  /** Edit-ready copies that exist, by asset id. */
  editReady?: Record<string, EditReadyFacts>;
  /** Integrated loudness target (e.g. -14 for the web, -23 for broadcast); null leaves levels alone. */
  loudnessLufs?: number | null;
}

function audibility(sequence: Sequence): (placed: PlacedClip) => boolean {
  const tracks = [...sequence.videoTracks, ...sequence.audioTracks];
  const soloing = tracks.some((track) => track.solo);
  return (placed) => !placed.clip.muted && !placed.track.muted && (!soloing || placed.track.solo);
}

function decisionOf(unit: PictureUnit, index: number): SegmentDecision {
  if (unit.kind === 'gap') {
    return {
      index,
      kind: 'gap',
      startFrame: unit.startFrame,
      durationFrames: unit.frames,
      path: 'encode',
      reason: 'black and silence',
      clipIds: [],
      usesEditReady: false,
    };
  }
  if (unit.kind === 'transition') {
    const { from, to, transition } = unit.segment;
    return {
      index,
      kind: 'transition',
      startFrame: unit.startFrame,
      durationFrames: unit.frames,
      path: 'encode',
      reason: `${transition.kind} transition is re-encoded`,
      clipIds: [from.clip.id, to.clip.id],
      usesEditReady: false,
    };
  }
  return {
    index,
    kind: 'clip',
    startFrame: unit.startFrame,
    durationFrames: unit.frames,
    path: unit.path,
    reason: unit.reason,
    clipIds: [unit.placed.clip.id],
    usesEditReady: unit.useEditReady,
  };
}

function validate(project: Project, sequence: Sequence, issues: PlanIssue[]) {
  const base = ['sequences', sequence.id];
  const flatten = (track: Track, kind: 'videoTracks' | 'audioTracks', index: number): FlatTrack => {
    const path = [...base, kind, index];
    if (kind === 'audioTracks' && track.items.some((item) => item.type === 'transition')) {
      issues.push({
        code: 'AUDIO_TRANSITION_UNSUPPORTED',
        message: `Track ${track.name}: transitions on audio tracks are not exported yet; use fades.`,
        path,
      });
    }
    return flattenTrack(track, path, sequence, project.assets, issues);
  };
  const video = sequence.videoTracks.map((track, index) => ({
    flat: flatten(track, 'videoTracks', index),
    path: [...base, 'videoTracks', index],
  }));
  const audio = sequence.audioTracks.map((track, index) => ({
    track,
    flat: flatten(track, 'audioTracks', index),
  }));
  // The lowest shown track with clips is the picture; the shown tracks above it are laid over it.
  // A hidden video track (its eye off: `muted`) shows nothing but still counts for the length.
  const shown = video.filter((_, index) => !sequence.videoTracks[index]?.muted);
  const lowest = shown.findIndex((entry) => entry.flat.clips.length > 0);
  const overlays = lowest < 0 ? [] : overlayTracks(shown.slice(lowest + 1), issues);
  const videoLength = Math.max(0, ...video.map((entry) => entry.flat.lengthFrames));
  return { picture: lowest < 0 ? null : (shown[lowest]?.flat ?? null), overlays, audio, videoLength };
}

/**
 * The pure compiler: a sequence, a preset and an optional range to a RenderPlan, or every issue
 * found (never a partial plan). Deterministic: the same input gives the same plan, byte for byte.
 */
export function compileSequence(
  project: Project,
  sequenceId: string,
  preset: RenderPreset,
  range?: RenderRange | null,
  options: CompileOptions = {},
): CompileResult {
  const sequence = project.sequences[sequenceId];
  if (!sequence)
    return {
      ok: false,
      issues: [
        {
          code: 'SEQUENCE_NOT_FOUND',
          message: 'There is no such sequence.',
          path: ['sequences', sequenceId],
        },
      ],
    };
  const issues: PlanIssue[] = [];
  const { picture, overlays, audio, videoLength } = validate(project, sequence, issues);
  const length = Math.max(videoLength, ...audio.map((entry) => entry.flat.lengthFrames));
  const marks =
    sequence.inFrame !== null && sequence.outFrame !== null
      ? { startFrame: sequence.inFrame, endFrame: sequence.outFrame }
      : null;
  const chosen = range ?? marks ?? { startFrame: 0, endFrame: length };
  if (length === 0)
    issues.push({
      code: 'SEQUENCE_EMPTY',
      message: 'The sequence is empty.',
      path: ['sequences', sequenceId],
    });
  else if (chosen.startFrame < 0 || chosen.endFrame > length || chosen.endFrame <= chosen.startFrame) {
    issues.push({
      code: 'RANGE_INVALID',
      message: `The range ${chosen.startFrame}-${chosen.endFrame} is not inside the sequence (0-${length}).`,
      path: ['range'],
    });
  }
  const width = preset.video?.width ?? sequence.width;
  const height = preset.video?.height ?? sequence.height;
  if (preset.video && (width % 2 !== 0 || height % 2 !== 0)) {
    issues.push({
      code: 'ODD_SIZE',
      message: `The output size ${width}x${height} must be even.`,
      path: ['sequences', sequenceId, 'width'],
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const { startFrame, endFrame } = preset.still
    ? { startFrame: chosen.startFrame, endFrame: chosen.startFrame + 1 }
    : chosen;
  const segments = splitAtOverlays(
    clipSegmentsToRange(picture?.segments ?? [], startFrame, endFrame),
    overlays,
  );
  const smart = options.smart ?? 'auto';
  const format = { width, height, pixelFormat: preset.video?.pixelFormat ?? 'rgb24' };
  const units = chooseUnits(
    segments,
    sequence,
    preset,
    { width, height },
    {
      smart: preset.still ? 'forceEncode' : smart,
      keyframes: options.keyframes ?? {},
      editReady: options.editReady ?? {},
    },
  );
  const audible = audibility(sequence);
  const usedClips = [
    ...(picture?.clips ?? []),
    ...overlays.flatMap((track) => track.clips),
    ...audio.flatMap((entry) => entry.flat.clips),
  ].filter(
    (placed) => placed.startFrame < endFrame && placed.startFrame + placed.clip.durationFrames > startFrame,
  );
  const editReadyIds = new Set(
    units.flatMap((unit) =>
      unit.kind === 'clip' && options.editReady?.[unit.placed.asset.id] ? [unit.placed.asset.id] : [],
    ),
  );
  for (const unit of units) {
    if (unit.kind !== 'transition') continue;
    for (const side of [unit.segment.from, unit.segment.to])
      if (options.editReady?.[side.asset.id]) editReadyIds.add(side.asset.id);
  }
  const gop = Math.max(1, Math.round(sequence.rate.num / sequence.rate.den / 2));
  const videoEncoderArgs = preset.video
    ? preset.video.codec === 'h264'
      ? editReadyX264Args(gop)
      : [...preset.video.encoderArgs, '-pix_fmt', preset.video.pixelFormat]
    : [];
  const provenance = provenanceOf(project, usedClips);
  const metadata = metadataFor(project, sequence.name, provenance);
  const metadataArgs =
    preset.container === 'png'
      ? []
      : ['-metadata', `title=${metadata.title}`, '-metadata', `comment=${metadata.comment}`];
  const frameCount = endFrame - startFrame;
  const sampleCount = preset.audio ? samplesBetween(startFrame, endFrame, sequence) : 0;
  const steps: RenderStep[] = [];
  const files: RenderPlan['files'] = [];
  let mode: RenderPlan['mode'];
  const headerCheckPaths: string[] = [];
  const totalUs = framesToUs(frameCount, sequence.rate);
  const faststart =
    preset.container === 'mp4' || preset.container === 'mov' ? ['-movflags', '+faststart'] : [];

  const copyCheck = concatCopyPossible({
    units,
    sequence,
    preset,
    audio,
    audible,
    range: { startFrame, endFrame },
    length,
    loudnessLufs: options.loudnessLufs ?? null,
    smart,
  });
  if (preset.still) {
    mode = 'still';
    const unit = units[0];
    if (!unit)
      return { ok: false, issues: [{ code: 'RANGE_INVALID', message: 'No frame there.', path: ['range'] }] };
    const context: UnitContext = {
      sequence,
      preset,
      format,
      videoEncoderArgs: [],
      editReadyIds,
      wantVideo: true,
      wantSound: false,
      audible,
    };
    steps.push({
      id: 'still',
      phase: 0,
      label: 'Still frame',
      weightFrames: 1,
      expectedDurationUs: framesToUs(1, sequence.rate),
      soundSamples: null,
      invocation: unitInvocation(
        unit,
        { video: '@output', sound: null, videoOptions: ['-c:v', 'png', '-update', '1'] },
        context,
      ),
    });
  } else if (copyCheck) {
    mode = 'concatCopy';
    files.push(copyCheck.list);
    steps.push(concatCopyStep(frameCount, totalUs, [...faststart, ...metadataArgs]));
  } else {
    mode = preset.video ? 'chunked' : 'audioOnly';
    const context: UnitContext = {
      sequence,
      preset,
      format,
      videoEncoderArgs,
      editReadyIds,
      wantVideo: preset.video !== null,
      wantSound: preset.audio !== null,
      audible,
    };
    const videoNames: string[] = [];
    const soundNames: string[] = [];
    units.forEach((unit, index) => {
      const number = String(index).padStart(4, '0');
      const video = preset.video ? `v${number}.${preset.video.chunkExtension}` : null;
      const sound = preset.audio ? `a${number}.wav` : null;
      if (video) videoNames.push(video);
      if (sound) soundNames.push(sound);
      const label =
        unit.kind === 'clip' ? `${unit.path} ${unit.placed.clip.name || unit.placed.clip.id}` : unit.kind;
      steps.push({
        id: `unit${number}`,
        phase: 0,
        label,
        weightFrames: unit.frames,
        expectedDurationUs: framesToUs(unit.frames, sequence.rate),
        soundSamples: sound ? samplesBetween(unit.startFrame, unit.startFrame + unit.frames, sequence) : null,
        invocation: unitInvocation(
          unit,
          { video: video ? `@work/${video}` : null, sound: sound ? `@work/${sound}` : null },
          context,
        ),
      });
    });
    const hasCopy = units.some((unit) => unit.kind === 'clip' && unit.path === 'copy');
    const hasEncode = units.some((unit) => unit.kind !== 'clip' || unit.path === 'encode');
    if (preset.video && hasCopy && hasEncode)
      headerCheckPaths.push(...videoNames.map((name) => `@work/${name}`));
    const list = (names: string[]): string =>
      ['ffconcat version 1.0', ...names.map((name) => `file ${name}`), ''].join('\n');
    if (preset.audio) {
      files.push({ path: '@work/picture-sound.txt', text: list(soundNames) });
      const soundPath = preset.video ? `@work/sound.${preset.audio.extension}` : '@output';
      steps.push({
        id: 'mix',
        phase: 1,
        label: 'Sound',
        weightFrames: Math.ceil(frameCount / 8),
        expectedDurationUs: totalUs,
        soundSamples: null,
        invocation: mixInvocation({
          sequence,
          startFrame,
          endFrame,
          pictureSoundList: '@work/picture-sound.txt',
          tracks: audio,
          audible,
          ducking: sequence.ducking,
          loudnessLufs: options.loudnessLufs ?? null,
          encoding: preset.audio,
          output: soundPath,
          outputOptions: preset.video ? [] : metadataArgs,
        }),
      });
    }
    if (preset.video) {
      files.push({ path: '@work/video.txt', text: list(videoNames) });
      const soundInput = preset.audio ? [{ path: `@work/sound.${preset.audio.extension}`, options: [] }] : [];
      steps.push({
        id: 'join',
        phase: 2,
        label: 'Join',
        weightFrames: Math.ceil(frameCount / 50),
        expectedDurationUs: totalUs,
        soundSamples: null,
        invocation: {
          inputs: [{ path: '@work/video.txt', options: ['-f', 'concat', '-safe', '0'] }, ...soundInput],
          globalOptions: [],
          filterComplex: null,
          outputs: [
            {
              path: '@output',
              options: [
                '-map',
                '0:v:0',
                ...(preset.audio ? ['-map', '1:a:0'] : []),
                '-c',
                'copy',
                ...(preset.video.codec === 'hevc' ? ['-tag:v', 'hvc1'] : []),
                ...faststart,
                ...metadataArgs,
              ],
            },
          ],
        },
      });
    }
  }

  const plan: RenderPlan = {
    planVersion: 1,
    sequenceId,
    presetId: preset.id,
    smart,
    mode,
    output: {
      container: preset.container,
      extension: preset.extension,
      videoCodec: preset.still ? 'png' : (preset.video?.codec ?? null),
      audioCodec: preset.audio?.codec ?? null,
      width: preset.video || preset.still ? width : null,
      height: preset.video || preset.still ? height : null,
      rate: sequence.rate,
      sampleRate: sequence.sampleRate,
      channels: preset.audio ? 2 : 0,
      startFrame,
      endFrame,
      frameCount,
      sampleCount,
      durationUs: totalUs,
    },
    segments:
      mode === 'concatCopy'
        ? units.map((unit, index) => ({
            ...decisionOf(unit, index),
            reason: 'whole file matches the output: joined by stream copy',
          }))
        : units.map(decisionOf),
    files,
    steps,
    headerCheckPaths,
    metadata,
    provenance,
    assetIds: [...new Set(usedClips.map((placed) => placed.asset.id))].sort(),
    editReadyAssetIds: [...editReadyIds].sort(),
  };
  return { ok: true, plan };
}
