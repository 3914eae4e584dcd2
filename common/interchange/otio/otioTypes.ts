/** The parts of OpenTimelineIO's JSON serialisation that Shotloom writes and reads. */
export interface OtioRationalTime {
  OTIO_SCHEMA: 'RationalTime.1';
  rate: number;
  value: number;
}

export interface OtioTimeRange {
  OTIO_SCHEMA: 'TimeRange.1';
  start_time: OtioRationalTime;
  duration: OtioRationalTime;
}

export interface OtioMarker {
  OTIO_SCHEMA: 'Marker.2';
  metadata: Record<string, unknown>;
  name: string;
  color: string;
  marked_range: OtioTimeRange;
  comment: string;
}

export interface OtioExternalReference {
  OTIO_SCHEMA: 'ExternalReference.1';
  metadata: Record<string, unknown>;
  name: string;
  available_range: OtioTimeRange | null;
  available_image_bounds: null;
  target_url: string;
}

interface OtioItemBase {
  metadata: Record<string, unknown>;
  name: string;
  source_range: OtioTimeRange | null;
  effects: unknown[];
  markers: OtioMarker[];
  enabled: boolean;
}

export interface OtioClip extends OtioItemBase {
  OTIO_SCHEMA: 'Clip.2';
  media_references: Record<string, OtioExternalReference>;
  active_media_reference_key: string;
}

export interface OtioGap extends OtioItemBase {
  OTIO_SCHEMA: 'Gap.1';
}

export interface OtioTransition {
  OTIO_SCHEMA: 'Transition.1';
  metadata: Record<string, unknown>;
  name: string;
  transition_type: string;
  in_offset: OtioRationalTime;
  out_offset: OtioRationalTime;
}

export interface OtioTrack extends OtioItemBase {
  OTIO_SCHEMA: 'Track.1';
  kind: 'Video' | 'Audio';
  children: Array<OtioClip | OtioGap | OtioTransition>;
}

export interface OtioStack extends OtioItemBase {
  OTIO_SCHEMA: 'Stack.1';
  children: OtioTrack[];
}

export interface OtioTimeline {
  OTIO_SCHEMA: 'Timeline.1';
  metadata: Record<string, unknown>;
  name: string;
  global_start_time: OtioRationalTime | null;
  tracks: OtioStack;
}

/** Our metadata namespace inside OTIO objects. */
export const otioNamespace = 'shotloom';

export function rationalTime(value: number, rate: number): OtioRationalTime {
  return { OTIO_SCHEMA: 'RationalTime.1', rate, value };
}

export function timeRange(start: OtioRationalTime, duration: OtioRationalTime): OtioTimeRange {
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: start, duration };
}
