import type { Sequence, VideoFacts } from '../model';
import { equalRationals } from '../time/rational';
import type { PictureSegment, PlacedClip } from './flatten';
import type { RenderPreset } from './presets';
import { hasPictureEffects } from './videoGraph';

/** An edit-ready copy in the cache: a short closed GOP made with our own encoder settings. */
export interface EditReadyFacts {
  video: VideoFacts;
  /** Keyframe frame indices, ascending. */
  keyframes: number[];
}

export interface SmartInputs {
  smart: 'auto' | 'forceEncode';
  /** Keyframe frame indices of the original files, by asset id (from the probe, as data). */
  keyframes: Record<string, number[]>;
  editReady: Record<string, EditReadyFacts>;
}

/**
 * A unit of picture work: one ffmpeg run makes its video chunk (and its sound chunk). `overlays`:
 * clips of upper video tracks laid over it, lowest first (such units are always encoded).
 */
export type PictureUnit = (
  | {
      kind: 'clip';
      path: 'copy' | 'encode';
      startFrame: number;
      frames: number;
      placed: PlacedClip;
      /** Frame of the clip (from its start) the unit begins at. */
      clipFrom: number;
      useEditReady: boolean;
      reason: string;
      segmentIndex: number;
    }
  | { kind: 'gap'; startFrame: number; frames: number; segmentIndex: number }
  | {
      kind: 'transition';
      startFrame: number;
      frames: number;
      segment: Extract<PictureSegment, { kind: 'transition' }>;
      segmentIndex: number;
    }
) & { overlays: PlacedClip[] };

type ClipUnit = Extract<PictureUnit, { kind: 'clip' }>;

/** Why a source cannot be stream-copied into this output, or null when it can. */
export function copyMismatch(
  facts: VideoFacts | null,
  placed: PlacedClip,
  sequence: Sequence,
  preset: RenderPreset,
  output: { width: number; height: number },
): string | null {
  const video = preset.video;
  if (!video || (video.codec !== 'h264' && video.codec !== 'hevc')) return 'this format is always encoded';
  if (placed.asset.kind !== 'video' || !facts) return 'a still image is encoded';
  if (facts.codec !== video.codec) return `codec ${facts.codec} differs from ${video.codec}`;
  if (video.profile && (facts.profile ?? '').toLowerCase() !== video.profile.toLowerCase())
    return `profile ${facts.profile ?? 'unknown'} differs from ${video.profile}`;
  if (facts.width !== output.width || facts.height !== output.height)
    return `size ${facts.width}x${facts.height} differs from ${output.width}x${output.height}`;
  if (!equalRationals(facts.rate, sequence.rate) || facts.variableFrameRate) return 'frame rate differs';
  if (facts.pixelFormat !== video.pixelFormat)
    return `pixel format ${facts.pixelFormat ?? 'unknown'} differs`;
  if (facts.sampleAspect.num > 0 && facts.sampleAspect.num !== facts.sampleAspect.den)
    return 'non-square pixels';
  if (facts.rotation !== 0) return 'rotated';
  if (!facts.extradataHash) return 'no header hash known';
  if (hasPictureEffects(placed)) return 'has fades or opacity';
  return null;
}

/**
 * Splits a clip segment into copy and encode units: a copy starts on a keyframe A and ends just
 * before a keyframe B (or at the end of the file); the head before A and the tail after B are encoded.
 */
function splitClip(
  segment: Extract<PictureSegment, { kind: 'clip' }>,
  segmentIndex: number,
  sequence: Sequence,
  preset: RenderPreset,
  output: { width: number; height: number },
  inputs: SmartInputs,
): ClipUnit[] {
  const { placed } = segment;
  const clipFrom = segment.startFrame - placed.startFrame;
  const overlays = segment.overlays ?? [];
  const base = { kind: 'clip' as const, placed, segmentIndex, overlays };
  const encodeAll = (reason: string): ClipUnit[] => [
    {
      ...base,
      path: 'encode',
      startFrame: segment.startFrame,
      frames: segment.durationFrames,
      clipFrom,
      useEditReady: false,
      reason,
    },
  ];
  if (inputs.smart === 'forceEncode') return encodeAll('the export is set to re-encode everything');
  if (overlays.length > 0) return encodeAll('a clip on an upper video track is laid over it');
  const editReady = inputs.editReady[placed.asset.id];
  const facts = editReady?.video ?? placed.asset.media.video;
  const mismatch = copyMismatch(facts, placed, sequence, preset, output);
  if (mismatch) return encodeAll(mismatch);
  const keyframes = editReady?.keyframes ?? inputs.keyframes[placed.asset.id];
  if (!keyframes || !facts) return encodeAll('keyframes unknown');
  const start = placed.clip.sourceIn + clipFrom;
  const end = start + segment.durationFrames;
  const a = keyframes.find((frame) => frame >= start);
  const b =
    end >= facts.frameCount ? facts.frameCount : [...keyframes].reverse().find((frame) => frame <= end);
  if (a === undefined || b === undefined || b <= a)
    return encodeAll(
      editReady ? 'too short to reach a keyframe' : 'no keyframes inside (long GOP: make an edit-ready copy)',
    );
  const units: ClipUnit[] = [];
  const useEditReady = editReady !== undefined;
  const at = (sourceFrame: number): number => segment.startFrame + (sourceFrame - start);
  if (a > start) {
    units.push({
      ...base,
      path: 'encode',
      startFrame: segment.startFrame,
      frames: a - start,
      clipFrom,
      useEditReady,
      reason: 'head before the first keyframe',
    });
  }
  units.push({
    ...base,
    path: 'copy',
    startFrame: at(a),
    frames: b - a,
    clipFrom: clipFrom + (a - start),
    useEditReady,
    reason: useEditReady
      ? 'edit-ready copy matches the output, cut on keyframes'
      : 'matches the output, cut on keyframes',
  });
  if (b < end) {
    units.push({
      ...base,
      path: 'encode',
      startFrame: at(b),
      frames: end - b,
      clipFrom: clipFrom + (b - start),
      useEditReady,
      reason: 'tail after the last keyframe',
    });
  }
  return units;
}

/**
 * Chooses per segment. Copies may only meet re-encoded windows when they come from edit-ready copies
 * (our encoder's headers); all copies must share one header hash, else they are encoded.
 */
export function chooseUnits(
  segments: PictureSegment[],
  sequence: Sequence,
  preset: RenderPreset,
  output: { width: number; height: number },
  inputs: SmartInputs,
): PictureUnit[] {
  const units: PictureUnit[] = [];
  segments.forEach((segment, segmentIndex) => {
    if (segment.kind === 'gap')
      units.push({
        kind: 'gap',
        startFrame: segment.startFrame,
        frames: segment.durationFrames,
        segmentIndex,
        overlays: segment.overlays ?? [],
      });
    else if (segment.kind === 'transition')
      units.push({
        kind: 'transition',
        startFrame: segment.startFrame,
        frames: segment.durationFrames,
        segment,
        segmentIndex,
        overlays: segment.overlays ?? [],
      });
    else units.push(...splitClip(segment, segmentIndex, sequence, preset, output, inputs));
  });
  const demote = (unit: ClipUnit, reason: string): void => {
    unit.path = 'encode';
    unit.reason = reason;
  };
  const copies = (): ClipUnit[] =>
    units.filter((unit): unit is ClipUnit => unit.kind === 'clip' && unit.path === 'copy');
  const hashOf = (unit: ClipUnit): string | null =>
    (inputs.editReady[unit.placed.asset.id]?.video ?? unit.placed.asset.media.video)?.extradataHash ?? null;
  // Two rules, applied until nothing changes (a demotion can create the first encoded part).
  for (let changed = true; changed;) {
    changed = false;
    if (units.some((unit) => unit.kind !== 'clip' || unit.path === 'encode')) {
      for (const unit of copies()) {
        if (unit.useEditReady) continue;
        demote(unit, 'joins re-encoded parts but its encoder headers are not ours (no edit-ready copy)');
        changed = true;
      }
    }
    const counts = new Map<string, number>();
    for (const unit of copies()) {
      const hash = hashOf(unit) ?? '';
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
    const majority = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
    for (const unit of copies()) {
      if (hashOf(unit) === majority) continue;
      demote(unit, 'its header (SPS/PPS) differs from the other copied shots');
      changed = true;
    }
  }
  return units;
}
