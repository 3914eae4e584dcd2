import type { Rational } from '../time/rational';
import type { Marker, TransitionKind } from '../model/schema/sequence';

/**
 * A timeline read from an interchange file, before its media is linked to project assets. Timeline
 * positions are integer frames at `rate`; a clip's source start keeps the file's own rate so that
 * linking can rescale it exactly into the asset's units.
 */
export interface ImportedTimeline {
  name: string;
  rate: Rational;
  videoTracks: ImportedTrack[];
  audioTracks: ImportedTrack[];
  markers: ImportedMarker[];
  /** What the file held that Shotloom did not carry over, said precisely. */
  notCarried: string[];
}

export interface ImportedTrack {
  name: string;
  items: ImportedItem[];
}

export type ImportedItem = ImportedClip | ImportedGap | ImportedTransition;

export interface ImportedClip {
  type: 'clip';
  name: string;
  /** A file path or URL as the file wrote it; null when the file named no media. */
  mediaPath: string | null;
  /** Where the clip starts in its media, as a count of ticks at `sourceRate`. */
  sourceStart: number;
  sourceRate: Rational;
  durationFrames: number;
  gainDb: number;
  volumeKeyframes: Array<{ frame: number; value: number }>;
  markers: ImportedMarker[];
  /** Generation metadata carried by our own exports (provider, model, prompt, seed, …). */
  metadata: Record<string, unknown>;
}

export interface ImportedGap {
  type: 'gap';
  durationFrames: number;
}

export interface ImportedTransition {
  type: 'transition';
  kind: TransitionKind;
  durationFrames: number;
}

export type ImportedMarker = Pick<Marker, 'frame' | 'durationFrames' | 'name' | 'color'>;
