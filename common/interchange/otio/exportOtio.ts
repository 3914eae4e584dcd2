import type { Project } from '../../model/schema/project';
import type { Clip, Marker, Sequence, Track, TransitionKind } from '../../model/schema/sequence';
import { alternateTakeAssets, generationMetadata } from '../generationMetadata';
import type { MediaLocator } from '../mediaReference';
import { transitionFramesBeforeCut } from '../placedItems';
import { rateToFloat } from '../rateFromFloat';
import { sourceLengthOf, sourceRateOf } from '../sourceRate';
import {
  otioNamespace,
  rationalTime,
  timeRange,
  type OtioClip,
  type OtioExternalReference,
  type OtioGap,
  type OtioMarker,
  type OtioStack,
  type OtioTimeline,
  type OtioTrack,
  type OtioTransition,
} from './otioTypes';

const markerColors: Record<Marker['color'], string> = {
  red: 'RED',
  orange: 'ORANGE',
  yellow: 'YELLOW',
  green: 'GREEN',
  blue: 'BLUE',
  purple: 'PURPLE',
};

export const otioTransitionTypes: Record<TransitionKind, string> = {
  dissolve: 'SMPTE_Dissolve',
  dipToBlack: 'Custom_Transition',
  dipToWhite: 'Custom_Transition',
  wipeLeft: 'Custom_Transition',
  wipeRight: 'Custom_Transition',
  wipeUp: 'Custom_Transition',
  wipeDown: 'Custom_Transition',
};

function externalReference(
  project: Project,
  assetId: string,
  locate: MediaLocator,
  sequence: Sequence,
): OtioExternalReference | null {
  const asset = project.assets[assetId];
  if (!asset) return null;
  const rate = rateToFloat(sourceRateOf(asset, sequence.rate));
  const length = sourceLengthOf(asset);
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    metadata: { [otioNamespace]: { assetId: asset.id, contentHash: asset.contentHash } },
    name: asset.name,
    available_range: length === null ? null : timeRange(rationalTime(0, rate), rationalTime(length, rate)),
    available_image_bounds: null,
    target_url: locate(asset),
  };
}

function exportClip(project: Project, sequence: Sequence, clip: Clip, locate: MediaLocator): OtioClip {
  const asset = project.assets[clip.assetId];
  const sourceRate = asset ? sourceRateOf(asset, sequence.rate) : sequence.rate;
  const references: Record<string, OtioExternalReference> = {};
  const main = externalReference(project, clip.assetId, locate, sequence);
  if (main) references.DEFAULT_MEDIA = main;
  for (const alternate of alternateTakeAssets(project, clip)) {
    const reference = externalReference(project, alternate.assetId, locate, sequence);
    if (reference) references[`take_${alternate.takeId}`] = reference;
  }
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: {
      [otioNamespace]: {
        ...generationMetadata(project, clip),
        gainDb: clip.gainDb,
        muted: clip.muted,
        volumeKeyframes: clip.volumeKeyframes,
        opacity: clip.opacity,
        fit: clip.fit,
      },
    },
    name: clip.name || asset?.name || clip.id,
    source_range: timeRange(
      rationalTime(clip.sourceIn, rateToFloat(sourceRate)),
      rationalTime(clip.durationFrames, rateToFloat(sequence.rate)),
    ),
    effects: [],
    markers: [],
    enabled: clip.enabled,
    media_references: references,
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

function exportTrack(project: Project, sequence: Sequence, track: Track, locate: MediaLocator): OtioTrack {
  const rate = rateToFloat(sequence.rate);
  const children: OtioTrack['children'] = track.items.map((item) => {
    if (item.type === 'clip') return exportClip(project, sequence, item, locate);
    if (item.type === 'gap') {
      const gap: OtioGap = {
        OTIO_SCHEMA: 'Gap.1',
        metadata: {},
        name: '',
        source_range: timeRange(rationalTime(0, rate), rationalTime(item.durationFrames, rate)),
        effects: [],
        markers: [],
        enabled: true,
      };
      return gap;
    }
    const before = transitionFramesBeforeCut(item.durationFrames);
    const transition: OtioTransition = {
      OTIO_SCHEMA: 'Transition.1',
      metadata: { [otioNamespace]: { kind: item.kind } },
      name: item.kind,
      transition_type: otioTransitionTypes[item.kind],
      in_offset: rationalTime(before, rate),
      out_offset: rationalTime(item.durationFrames - before, rate),
    };
    return transition;
  });
  return {
    OTIO_SCHEMA: 'Track.1',
    metadata: {
      [otioNamespace]: { trackId: track.id, role: track.role, muted: track.muted, locked: track.locked },
    },
    name: track.name,
    source_range: null,
    effects: [],
    markers: [],
    enabled: !track.muted,
    kind: track.kind === 'video' ? 'Video' : 'Audio',
    children,
  };
}

function exportMarker(marker: Marker, rate: number): OtioMarker {
  return {
    OTIO_SCHEMA: 'Marker.2',
    metadata: {},
    name: marker.name,
    color: markerColors[marker.color],
    marked_range: timeRange(rationalTime(marker.frame, rate), rationalTime(marker.durationFrames, rate)),
    comment: '',
  };
}

/** A sequence as an OpenTimelineIO JSON document (Timeline.1 of Stack.1 of Track.1). */
export function exportOtio(project: Project, sequenceId: string, locate: MediaLocator): string {
  const sequence = project.sequences[sequenceId];
  if (!sequence) throw new RangeError(`No sequence ${sequenceId}`);
  const rate = rateToFloat(sequence.rate);
  const stack: OtioStack = {
    OTIO_SCHEMA: 'Stack.1',
    metadata: {},
    name: 'tracks',
    source_range: null,
    effects: [],
    markers: sequence.markers.map((marker) => exportMarker(marker, rate)),
    enabled: true,
    children: [...sequence.videoTracks, ...sequence.audioTracks].map((track) =>
      exportTrack(project, sequence, track, locate),
    ),
  };
  const timeline: OtioTimeline = {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: {
      [otioNamespace]: {
        projectId: project.id,
        sequenceId: sequence.id,
        rate: sequence.rate,
        width: sequence.width,
        height: sequence.height,
        sampleRate: sequence.sampleRate,
      },
    },
    name: sequence.name,
    global_start_time: rationalTime(0, rate),
    tracks: stack,
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
