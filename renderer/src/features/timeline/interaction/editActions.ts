import type { EditCommandInput } from '../../../../../common/contract';
import { newId, type Clip, type Sequence, type TransitionKind } from '../../../../../common/model';
import type { SequenceLayout } from '../geometry/trackLayout';
import { clipAtFrame } from '../geometry/trackLayout';
import { nearestCut } from './limits';

/**
 * The timeline's editing commands built from the selection and the playhead: pure functions that
 * answer the commands to send (several commands sent with one coalesceKey are one undo step).
 */

/** Split at the playhead: the selected clips there, or every unlocked track's clip there. */
export function bladeCommands(
  sequence: Sequence,
  layout: SequenceLayout,
  frame: number,
  selection: readonly string[],
): EditCommandInput[] {
  const selected = new Set(selection);
  const commands: EditCommandInput[] = [];
  const anySelectedHere = layout.tracks.some((track) => {
    const placed = clipAtFrame(track, frame);
    return placed !== null && selected.has(placed.clip.id);
  });
  for (const track of layout.tracks) {
    if (track.track.locked) continue;
    const placed = clipAtFrame(track, frame);
    if (!placed || placed.startFrame === frame) continue;
    if (anySelectedHere && !selected.has(placed.clip.id)) continue;
    commands.push({ type: 'split', sequenceId: sequence.id, trackId: track.track.id, frame });
  }
  return commands;
}

/** Delete (lift, leaving a gap) or ripple delete the selected clips and transitions. */
export function deleteCommands(
  sequence: Sequence,
  layout: SequenceLayout,
  selection: readonly string[],
  ripple: boolean,
): EditCommandInput[] {
  const transitions: EditCommandInput[] = [];
  const clips = [];
  for (const id of selection) {
    const placed = layout.clipsById.get(id);
    if (placed) {
      const locked = layout.tracks.find((track) => track.track.id === placed.trackId)?.track.locked;
      if (!locked) clips.push(placed);
      continue;
    }
    const isTransition = layout.tracks.some((track) =>
      track.transitions.some((transition) => transition.transition.id === id),
    );
    if (isTransition)
      transitions.push({ type: 'removeTransition', sequenceId: sequence.id, transitionId: id });
  }
  // Right to left, so earlier positions stay valid while later clips ripple.
  clips.sort((a, b) => b.startFrame - a.startFrame);
  return [
    ...transitions,
    ...clips.map((placed): EditCommandInput => ({
      type: ripple ? 'rippleDelete' : 'lift',
      sequenceId: sequence.id,
      itemId: placed.clip.id,
    })),
  ];
}

/** What Copy keeps: clips with their offsets from the first one and their tracks. */
export interface ClipboardEntry {
  trackId: string;
  offsetFrames: number;
  clip: Clip;
}

export function copySelection(layout: SequenceLayout, selection: readonly string[]): ClipboardEntry[] {
  const placed = selection.map((id) => layout.clipsById.get(id)).filter((entry) => entry !== undefined);
  if (placed.length === 0) return [];
  const first = Math.min(...placed.map((entry) => entry.startFrame));
  return placed.map((entry) => ({
    trackId: entry.trackId,
    offsetFrames: entry.startFrame - first,
    clip: entry.clip,
  }));
}

/** Paste overwrites at the playhead on the clips' own tracks, keeping their settings and keyframes. */
export function pasteCommands(
  sequence: Sequence,
  layout: SequenceLayout,
  entries: readonly ClipboardEntry[],
  frame: number,
): { commands: EditCommandInput[]; newIds: string[] } {
  const commands: EditCommandInput[] = [];
  const newIds: string[] = [];
  for (const entry of entries) {
    const track = layout.tracks.find((candidate) => candidate.track.id === entry.trackId);
    if (!track || track.track.locked) continue;
    const id = newId('clip');
    newIds.push(id);
    const clip = entry.clip;
    commands.push({
      type: 'overwriteClip',
      sequenceId: sequence.id,
      trackId: entry.trackId,
      frame: frame + entry.offsetFrames,
      clip: {
        id,
        assetId: clip.assetId,
        shotId: clip.shotId,
        name: clip.name,
        sourceIn: clip.sourceIn,
        durationFrames: clip.durationFrames,
      },
    });
    commands.push({
      type: 'setClipProperties',
      sequenceId: sequence.id,
      itemId: id,
      properties: {
        enabled: clip.enabled,
        fit: clip.fit,
        opacity: clip.opacity,
        gainDb: clip.gainDb,
        muted: clip.muted,
        videoFadeInFrames: clip.videoFadeInFrames,
        videoFadeOutFrames: clip.videoFadeOutFrames,
        audioFadeInFrames: clip.audioFadeInFrames,
        audioFadeOutFrames: clip.audioFadeOutFrames,
      },
    });
    if (clip.volumeKeyframes.length > 0)
      commands.push({
        type: 'setKeyframes',
        sequenceId: sequence.id,
        itemId: id,
        parameter: 'volume',
        keyframes: clip.volumeKeyframes,
      });
    if (clip.opacityKeyframes.length > 0)
      commands.push({
        type: 'setKeyframes',
        sequenceId: sequence.id,
        itemId: id,
        parameter: 'opacity',
        keyframes: clip.opacityKeyframes,
      });
  }
  return { commands, newIds };
}

/** A transition on the cut nearest the playhead (on the selected clip's track, else any track). */
export function transitionAtPlayheadCommand(
  sequence: Sequence,
  layout: SequenceLayout,
  frame: number,
  selection: readonly string[],
  kind: TransitionKind,
  durationFrames: number,
): EditCommandInput | null {
  const selectedTrack = selection
    .map((id) => layout.clipsById.get(id)?.trackId)
    .find((id) => id !== undefined);
  const tracks = selectedTrack
    ? layout.tracks.filter((track) => track.track.id === selectedTrack)
    : layout.tracks;
  let best: { leftItemId: string; distance: number } | null = null;
  for (const track of tracks) {
    if (track.track.locked) continue;
    const cut = nearestCut(layout, track.track.id, frame, Infinity);
    if (cut && (!best || Math.abs(cut.frame - frame) < best.distance))
      best = { leftItemId: cut.left.clip.id, distance: Math.abs(cut.frame - frame) };
  }
  return best
    ? { type: 'addTransition', sequenceId: sequence.id, leftItemId: best.leftItemId, kind, durationFrames }
    : null;
}
