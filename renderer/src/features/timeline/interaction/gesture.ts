import type { Keyframe } from '../../../../../common/model';
import type { SnapTarget } from '../geometry/snapping';

/** The gesture in progress on the lanes: UI state only, never undoable, committed on release. */
export type Gesture =
  | {
      kind: 'move';
      clipIds: string[];
      primaryClipId: string;
      deltaFrames: number;
      toTrackId: string;
      snap: SnapTarget | null;
    }
  | {
      kind: 'trim';
      clipId: string;
      edge: 'start' | 'end';
      deltaFrames: number;
      ripple: boolean;
      snap: SnapTarget | null;
    }
  | { kind: 'roll'; leftClipId: string; rightClipId: string; deltaFrames: number; snap: SnapTarget | null }
  | { kind: 'slip'; clipId: string; deltaFrames: number }
  | { kind: 'marquee'; x1: number; y1: number; x2: number; y2: number; additive: boolean }
  | { kind: 'volume'; clipId: string; gainDb: number; keyframes: Keyframe[] }
  | { kind: 'fade'; clipId: string; edge: 'in' | 'out'; frames: number };

/** Where a clip is drawn while a gesture changes it. */
export interface PreviewPlacement {
  startFrame: number;
  endFrame: number;
  trackId: string;
  /** Source shift (slip) in sequence frames, for the thumbnails and the label. */
  slipFrames: number;
}

/** Clips after an edit point on a track move by `deltaFrames` (ripple trims). */
export interface RippleShift {
  trackId: string;
  fromFrame: number;
  deltaFrames: number;
}
