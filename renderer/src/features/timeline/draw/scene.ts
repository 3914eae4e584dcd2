import type { Filmstrip } from '../../../../../common/contract/channels/media';
import type { Asset, Keyframe, Marker } from '../../../../../common/model';
import type { Rational } from '../../../../../common/time';
import type { SnapTarget } from '../geometry/snapping';
import type { TimeScale } from '../geometry/timeScale';
import type { SequenceLayout } from '../geometry/trackLayout';
import type { TrackRow } from '../geometry/trackRows';
import type { Preview } from '../interaction/dragPreview';

export interface LoadedFilmstrip {
  image: HTMLImageElement;
  strip: Filmstrip;
}

/** Everything the lanes canvases draw, in one value: drawing is a pure function of it. */
export interface LaneScene {
  layout: SequenceLayout;
  rows: readonly TrackRow[];
  scale: TimeScale;
  scrollTop: number;
  width: number;
  height: number;
  selection: ReadonlySet<string>;
  preview: Preview;
  assets: Record<string, Asset>;
  filmstrip: (assetId: string) => LoadedFilmstrip | null;
  rate: Rational;
  playheadFrame: number;
  markers: readonly Marker[];
  inFrame: number | null;
  outFrame: number | null;
  snap: SnapTarget | null;
  marquee: { x1: number; y1: number; x2: number; y2: number } | null;
  dropCut: { trackId: string; frame: number } | null;
  dropClip: { trackId: string; startFrame: number; durationFrames: number; insert: boolean } | null;
  volume: { clipId: string; gainDb: number; keyframes: readonly Keyframe[] } | null;
  fade: { clipId: string; edge: 'in' | 'out'; frames: number } | null;
}

export function assetHasAudio(asset: Asset | undefined): boolean {
  return asset !== undefined && asset.media.audio !== null;
}
