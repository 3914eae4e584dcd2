import type { Clip, Sequence, Track, Transition } from '../../../../../common/model';

/** A clip or gap placed on the timeline: its start and end (exclusive) in sequence frames. */
export interface PlacedClip {
  clip: Clip;
  trackId: string;
  /** Index in the track's items array. */
  index: number;
  startFrame: number;
  endFrame: number;
}

/** A transition centred on the cut between the clips left and right of it. */
export interface PlacedTransition {
  transition: Transition;
  trackId: string;
  cutFrame: number;
  startFrame: number;
  endFrame: number;
  leftClipId: string | null;
  rightClipId: string | null;
}

export interface TrackLayout {
  track: Track;
  /** Clips sorted by start; gaps are left out (they are empty space). */
  clips: PlacedClip[];
  transitions: PlacedTransition[];
  /** End of the last item. */
  endFrame: number;
}

/**
 * Places a track's items. Items follow each other; a transition takes no length of its own and sits
 * centred on the cut between its neighbours (it uses their handles).
 */
export function layoutTrack(track: Track): TrackLayout {
  const clips: PlacedClip[] = [];
  const transitions: PlacedTransition[] = [];
  let frame = 0;
  let lastClipId: string | null = null;
  const pending: Array<{ transition: Transition; cutFrame: number; leftClipId: string | null }> = [];
  track.items.forEach((item, index) => {
    if (item.type === 'transition') {
      pending.push({ transition: item, cutFrame: frame, leftClipId: lastClipId });
      return;
    }
    if (item.type === 'clip') {
      clips.push({
        clip: item,
        trackId: track.id,
        index,
        startFrame: frame,
        endFrame: frame + item.durationFrames,
      });
      for (const waiting of pending.splice(0)) {
        transitions.push(placeTransition(waiting, item.id, track.id));
      }
      lastClipId = item.id;
    } else {
      for (const waiting of pending.splice(0)) transitions.push(placeTransition(waiting, null, track.id));
      lastClipId = null;
    }
    frame += item.durationFrames;
  });
  for (const waiting of pending) transitions.push(placeTransition(waiting, null, track.id));
  return { track, clips, transitions, endFrame: frame };
}

function placeTransition(
  waiting: { transition: Transition; cutFrame: number; leftClipId: string | null },
  rightClipId: string | null,
  trackId: string,
): PlacedTransition {
  const before = Math.floor(waiting.transition.durationFrames / 2);
  const startFrame = waiting.cutFrame - before;
  return {
    transition: waiting.transition,
    trackId,
    cutFrame: waiting.cutFrame,
    startFrame,
    endFrame: startFrame + waiting.transition.durationFrames,
    leftClipId: waiting.leftClipId,
    rightClipId,
  };
}

export interface SequenceLayout {
  /** Video tracks top to bottom as displayed (the model lists them bottom to top), then audio tracks. */
  tracks: TrackLayout[];
  durationFrames: number;
  clipsById: Map<string, PlacedClip>;
}

/** Display order: the top video track first (it composites over the others), A1 below the video. */
export function layoutSequence(sequence: Sequence): SequenceLayout {
  const ordered = [...sequence.videoTracks].reverse().concat(sequence.audioTracks);
  const tracks = ordered.map(layoutTrack);
  const clipsById = new Map<string, PlacedClip>();
  for (const track of tracks) for (const placed of track.clips) clipsById.set(placed.clip.id, placed);
  return { tracks, durationFrames: Math.max(0, ...tracks.map((track) => track.endFrame)), clipsById };
}

/** Index of the first clip whose end is after `frame` (binary search over sorted clips). */
export function firstClipEndingAfter(clips: readonly PlacedClip[], frame: number): number {
  let low = 0;
  let high = clips.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (clips[middle]!.endFrame <= frame) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The clips overlapping [startFrame, endFrame): found in O(log n + visible), for 1,000s of clips. */
export function clipsInRange(
  clips: readonly PlacedClip[],
  startFrame: number,
  endFrame: number,
): PlacedClip[] {
  const result: PlacedClip[] = [];
  for (let index = firstClipEndingAfter(clips, startFrame); index < clips.length; index += 1) {
    const placed = clips[index]!;
    if (placed.startFrame >= endFrame) break;
    result.push(placed);
  }
  return result;
}

/** The clip containing `frame` on a track, or null (gaps and past the end). */
export function clipAtFrame(layout: TrackLayout, frame: number): PlacedClip | null {
  const placed = layout.clips[firstClipEndingAfter(layout.clips, frame)];
  return placed && placed.startFrame <= frame ? placed : null;
}
