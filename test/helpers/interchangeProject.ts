import { newProject } from '../../common/model/newProject';
import type { Asset } from '../../common/model/schema/asset';
import type { Project } from '../../common/model/schema/project';
import type { Sequence, Track, TrackItem } from '../../common/model/schema/sequence';
import type { Rational } from '../../common/time/rational';

/** A video asset with exact facts (no file behind it: for pure interchange tests). */
export function videoAsset(id: string, rate: Rational, frameCount: number, path = `media/${id}.mp4`): Asset {
  return {
    id,
    kind: 'video',
    name: `${id}.mp4`,
    path,
    storage: 'copied',
    contentHash: id
      .padEnd(64, '0')
      .replace(/[^0-9a-f]/g, 'a')
      .slice(0, 64),
    media: {
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: { num: frameCount * rate.den, den: rate.num },
      sizeBytes: 1000,
      video: {
        codec: 'h264',
        profile: 'High',
        width: 1920,
        height: 1080,
        sampleAspect: { num: 1, den: 1 },
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        rate,
        variableFrameRate: false,
        rotation: 0,
        frameCount,
        timeBase: { num: 1, den: 12800 },
        extradataHash: null,
      },
      audio: {
        codec: 'aac',
        sampleRate: 48000,
        channels: 2,
        channelLayout: 'stereo',
        sampleCount: Math.round((frameCount * rate.den * 48000) / rate.num),
      },
      audioStreamCount: 1,
    },
    origin: { kind: 'imported', importedAt: '2026-11-24T00:00:00.000Z', originalPath: `/src/${id}.mp4` },
    tags: [],
    favourite: false,
    folder: null,
  };
}

export function audioAsset(id: string, seconds: number): Asset {
  const base = videoAsset(id, { num: 24, den: 1 }, 1);
  return {
    ...base,
    kind: 'audio',
    name: `${id}.wav`,
    path: `media/${id}.wav`,
    media: {
      ...base.media,
      container: 'wav',
      duration: { num: seconds, den: 1 },
      video: null,
      audio: {
        codec: 'pcm_s16le',
        sampleRate: 48000,
        channels: 2,
        channelLayout: 'stereo',
        sampleCount: seconds * 48000,
      },
    },
  };
}

let counter = 0;
function clip(
  assetId: string,
  sourceIn: number,
  durationFrames: number,
  extra: Partial<Extract<TrackItem, { type: 'clip' }>> = {},
): TrackItem {
  counter += 1;
  return {
    type: 'clip',
    id: `clip${counter}`,
    assetId,
    shotId: null,
    name: '',
    sourceIn,
    durationFrames,
    enabled: true,
    fit: 'fit',
    opacity: 1,
    opacityKeyframes: [],
    videoFadeInFrames: 0,
    videoFadeOutFrames: 0,
    gainDb: 0,
    muted: false,
    volumeKeyframes: [],
    audioFadeInFrames: 0,
    audioFadeOutFrames: 0,
    ...extra,
  };
}

/**
 * A project with one sequence at `rate`: V1 = clip, dissolve, clip, gap, clip, wipe, clip; A2 =
 * music with a volume keyframe; two markers. Clips leave handles for their transitions.
 */
export function interchangeProject(rate: Rational): { project: Project; sequence: Sequence } {
  const project = newProject({ name: 'Interchange', rate });
  const sequence = project.sequences[project.sequenceOrder[0]!]!;
  const assets = [
    videoAsset('shotA', rate, 240),
    videoAsset('shotB', rate, 240),
    videoAsset('shotC', rate, 240),
    videoAsset('shotD', rate, 240),
    audioAsset('music', 60),
  ];
  for (const asset of assets) project.assets[asset.id] = asset;
  const v1: Track = {
    ...sequence.videoTracks[0]!,
    items: [
      clip('shotA', 10, 100, { name: 'Opening' }),
      { type: 'transition', id: 'tr1', kind: 'dissolve', durationFrames: 12 },
      clip('shotB', 30, 90),
      { type: 'gap', id: 'gap1', durationFrames: 15 },
      clip('shotC', 0, 60),
      { type: 'transition', id: 'tr2', kind: 'wipeLeft', durationFrames: 8 },
      clip('shotD', 20, 47),
    ],
  };
  const music: Track = {
    ...sequence.audioTracks[1]!,
    items: [
      clip('music', 48000, 300, {
        gainDb: -6,
        volumeKeyframes: [
          { frame: 0, value: 0 },
          { frame: 120, value: -12 },
        ],
      }),
    ],
  };
  const full: Sequence = {
    ...sequence,
    videoTracks: [v1],
    audioTracks: [sequence.audioTracks[0]!, music],
    markers: [
      { id: 'm1', frame: 24, durationFrames: 0, name: 'Title in', color: 'red' },
      { id: 'm2', frame: 200, durationFrames: 12, name: 'Beat', color: 'green' },
    ],
  };
  project.sequences[full.id] = full;
  return { project, sequence: full };
}

/** The cuts of a sequence without ids: what a round trip must keep frame for frame. */
export function cutsOf(sequence: Sequence): unknown {
  const describe = (track: Track) =>
    track.items.map((item) =>
      item.type === 'clip'
        ? {
            type: 'clip',
            assetId: item.assetId,
            sourceIn: item.sourceIn,
            durationFrames: item.durationFrames,
          }
        : item.type === 'gap'
          ? { type: 'gap', durationFrames: item.durationFrames }
          : { type: 'transition', kind: item.kind, durationFrames: item.durationFrames },
    );
  return {
    rate: sequence.rate,
    video: sequence.videoTracks.map(describe),
    audio: sequence.audioTracks.map(describe),
    markers: sequence.markers.map(({ frame, durationFrames, name, color }) => ({
      frame,
      durationFrames,
      name,
      color,
    })),
  };
}
