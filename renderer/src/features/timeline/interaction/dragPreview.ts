import type { SequenceLayout } from '../geometry/trackLayout';
import type { Gesture, PreviewPlacement, RippleShift } from './gesture';

export interface Preview {
  placements: Map<string, PreviewPlacement>;
  ripple: RippleShift | null;
}

const none: Preview = { placements: new Map(), ripple: null };

/** How the lanes draw a gesture before it is committed: pure, from the layout and the gesture. */
export function previewOf(layout: SequenceLayout, gesture: Gesture | null): Preview {
  if (!gesture) return none;
  const placements = new Map<string, PreviewPlacement>();
  switch (gesture.kind) {
    case 'move': {
      const primary = layout.clipsById.get(gesture.primaryClipId);
      // Clips change track together only when they all sit on the primary clip's track.
      const sameTrack = gesture.clipIds.every(
        (clipId) => layout.clipsById.get(clipId)?.trackId === primary?.trackId,
      );
      for (const clipId of gesture.clipIds) {
        const placed = layout.clipsById.get(clipId);
        if (!placed) continue;
        const trackId = sameTrack ? gesture.toTrackId : placed.trackId;
        placements.set(clipId, {
          startFrame: placed.startFrame + gesture.deltaFrames,
          endFrame: placed.endFrame + gesture.deltaFrames,
          trackId,
          slipFrames: 0,
        });
      }
      return { placements, ripple: null };
    }
    case 'trim': {
      const placed = layout.clipsById.get(gesture.clipId);
      if (!placed) return none;
      const delta = gesture.deltaFrames;
      if (gesture.edge === 'end') {
        placements.set(gesture.clipId, {
          startFrame: placed.startFrame,
          endFrame: placed.endFrame + delta,
          trackId: placed.trackId,
          slipFrames: 0,
        });
        return {
          placements,
          ripple: gesture.ripple
            ? { trackId: placed.trackId, fromFrame: placed.endFrame, deltaFrames: delta }
            : null,
        };
      }
      if (gesture.ripple) {
        placements.set(gesture.clipId, {
          startFrame: placed.startFrame,
          endFrame: placed.endFrame - delta,
          trackId: placed.trackId,
          slipFrames: delta,
        });
        return {
          placements,
          ripple: { trackId: placed.trackId, fromFrame: placed.endFrame, deltaFrames: -delta },
        };
      }
      placements.set(gesture.clipId, {
        startFrame: placed.startFrame + delta,
        endFrame: placed.endFrame,
        trackId: placed.trackId,
        slipFrames: delta,
      });
      return { placements, ripple: null };
    }
    case 'roll': {
      const left = layout.clipsById.get(gesture.leftClipId);
      const right = layout.clipsById.get(gesture.rightClipId);
      if (!left || !right) return none;
      placements.set(left.clip.id, {
        startFrame: left.startFrame,
        endFrame: left.endFrame + gesture.deltaFrames,
        trackId: left.trackId,
        slipFrames: 0,
      });
      placements.set(right.clip.id, {
        startFrame: right.startFrame + gesture.deltaFrames,
        endFrame: right.endFrame,
        trackId: right.trackId,
        slipFrames: gesture.deltaFrames,
      });
      return { placements, ripple: null };
    }
    case 'slip': {
      const placed = layout.clipsById.get(gesture.clipId);
      if (!placed) return none;
      placements.set(gesture.clipId, {
        startFrame: placed.startFrame,
        endFrame: placed.endFrame,
        trackId: placed.trackId,
        slipFrames: gesture.deltaFrames,
      });
      return { placements, ripple: null };
    }
    default:
      return none;
  }
}
