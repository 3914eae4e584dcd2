import { describe, expect, it } from 'vitest';
import { projectSchema } from '../../../common/model/schema/project';
import { buildSequence } from '../../../common/interchange/buildSequence';
import { exportOtio } from '../../../common/interchange/otio/exportOtio';
import { importOtio } from '../../../common/interchange/otio/importOtio';
import { cutsOf, interchangeProject } from '../../helpers/interchangeProject';

const locate = (asset: { path: string }) => `/projects/demo/${asset.path}`;

describe('OTIO round trip', () => {
  for (const rate of [
    { num: 24, den: 1 },
    { num: 25, den: 1 },
    { num: 30000, den: 1001 },
    { num: 60000, den: 1001 },
  ]) {
    it(`keeps every cut, transition and marker frame for frame at ${rate.num}/${rate.den}`, () => {
      const { project, sequence } = interchangeProject(rate);
      const text = exportOtio(project, sequence.id, locate);
      const imported = importOtio(text);
      const byPath = new Map(Object.values(project.assets).map((asset) => [locate(asset), asset]));
      const built = buildSequence(project, imported, (clip) => byPath.get(clip.mediaPath ?? '') ?? null);
      expect(built.notCarried).toEqual([]);
      expect(cutsOf(built.sequence)).toEqual(cutsOf(sequence));
      const music = built.sequence.audioTracks[1]!.items[0]!;
      expect(music).toMatchObject({
        gainDb: -6,
        volumeKeyframes: [
          { frame: 0, value: 0 },
          { frame: 120, value: -12 },
        ],
      });
      const withSequence = {
        ...project,
        sequences: { ...project.sequences, [built.sequence.id]: built.sequence },
        sequenceOrder: [...project.sequenceOrder, built.sequence.id],
      };
      expect(projectSchema.safeParse(withSequence).success).toBe(true);
    });
  }

  it('writes the schema names and versions OpenTimelineIO writes', () => {
    const { project, sequence } = interchangeProject({ num: 24, den: 1 });
    const timeline = JSON.parse(exportOtio(project, sequence.id, locate));
    expect(timeline.OTIO_SCHEMA).toBe('Timeline.1');
    expect(timeline.tracks.OTIO_SCHEMA).toBe('Stack.1');
    const v1 = timeline.tracks.children[0];
    expect(v1).toMatchObject({ OTIO_SCHEMA: 'Track.1', kind: 'Video' });
    expect(v1.children.map((child: { OTIO_SCHEMA: string }) => child.OTIO_SCHEMA)).toEqual([
      'Clip.2',
      'Transition.1',
      'Clip.2',
      'Gap.1',
      'Clip.2',
      'Transition.1',
      'Clip.2',
    ]);
    expect(v1.children[1]).toMatchObject({
      transition_type: 'SMPTE_Dissolve',
      in_offset: { value: 6, rate: 24 },
      out_offset: { value: 6, rate: 24 },
    });
    expect(v1.children[0].media_references.DEFAULT_MEDIA).toMatchObject({
      OTIO_SCHEMA: 'ExternalReference.1',
      target_url: '/projects/demo/media/shotA.mp4',
    });
    expect(timeline.tracks.markers[0]).toMatchObject({
      OTIO_SCHEMA: 'Marker.2',
      color: 'RED',
      marked_range: { start_time: { value: 24 } },
    });
  });
});
