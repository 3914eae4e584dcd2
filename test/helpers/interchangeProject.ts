import { newProject } from '../../common/model/newProject';
import type { Project } from '../../common/model/schema/project';
import type { Sequence, Track } from '../../common/model/schema/sequence';
import type { Rational } from '../../common/time/rational';
import { audioAsset, clip, videoAsset } from './modelFixtures';

/**
 * A project with one sequence at `rate`: V1 = clip, dissolve, clip, gap, clip, wipe, clip; A2 =
 * music with a volume keyframe; two markers. Clips leave handles for their transitions.
 */
export function interchangeProject(rate: Rational): { project: Project; sequence: Sequence } {
  const project = newProject({ name: 'Interchange', rate });
  const sequence = project.sequences[project.sequenceOrder[0]!]!;
  const assets = [
    videoAsset('shotA', 240, rate),
    videoAsset('shotB', 240, rate),
    videoAsset('shotC', 240, rate),
    videoAsset('shotD', 240, rate),
    audioAsset('music', 60 * 48000),
  ];
  for (const asset of assets) project.assets[asset.id] = asset;
  const v1: Track = {
    ...sequence.videoTracks[0]!,
    items: [
      clip('clip1', 'shotA', 100, { sourceIn: 10, name: 'Opening' }),
      { type: 'transition', id: 'tr1', kind: 'dissolve', durationFrames: 12 },
      clip('clip2', 'shotB', 90, { sourceIn: 30 }),
      { type: 'gap', id: 'gap1', durationFrames: 15 },
      clip('clip3', 'shotC', 60),
      { type: 'transition', id: 'tr2', kind: 'wipeLeft', durationFrames: 8 },
      clip('clip4', 'shotD', 47, { sourceIn: 20 }),
    ],
  };
  const music: Track = {
    ...sequence.audioTracks[1]!,
    items: [
      clip('clip5', 'music', 300, {
        sourceIn: 48000,
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
