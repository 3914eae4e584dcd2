import { describe, expect, it } from 'vitest';
import { buildSequence } from '../../../common/interchange/buildSequence';
import { exportFcpxml } from '../../../common/interchange/fcpxml/exportFcpxml';
import { importFcpxml } from '../../../common/interchange/fcpxml/importFcpxml';
import { fileUrl } from '../../../common/interchange/mediaReference';
import { fcpxmlStructureProblems } from '../../helpers/fcpxmlStructure';
import { cutsOf, interchangeProject } from '../../helpers/interchangeProject';

const locate = (asset: { path: string }) => fileUrl(`/projects/demo dir/${asset.path}`);

function withoutColors(cuts: unknown): unknown {
  const value = cuts as { markers: Array<Record<string, unknown>> };
  return { ...value, markers: value.markers.map(({ color: _color, ...rest }) => rest) };
}

describe('FCPXML 1.10', () => {
  for (const rate of [
    { num: 24, den: 1 },
    { num: 25, den: 1 },
    { num: 30000, den: 1001 },
    { num: 60000, den: 1001 },
  ]) {
    it(`round-trips cuts, transitions, audio lanes, volume keyframes and markers at ${rate.num}/${rate.den}`, () => {
      const { project, sequence } = interchangeProject(rate);
      const text = exportFcpxml(project, sequence.id, locate);
      expect(fcpxmlStructureProblems(text)).toEqual([]);
      const imported = importFcpxml(text);
      const byPath = new Map(
        Object.values(project.assets).map((asset) => [`/projects/demo dir/${asset.path}`, asset]),
      );
      const built = buildSequence(project, imported, (clip) => byPath.get(clip.mediaPath ?? '') ?? null);
      expect(built.notCarried).toEqual([]);
      // FCPXML markers carry no colour: everything else must survive frame for frame.
      expect(withoutColors(cutsOf(built.sequence))).toEqual(withoutColors(cutsOf(sequence)));
      expect(built.sequence.audioTracks[1]!.items[0]).toMatchObject({
        gainDb: -6,
        volumeKeyframes: [
          { frame: 0, value: 0 },
          { frame: 120, value: -12 },
        ],
      });
    });
  }

  it('uses drop-frame timecode and exact rational times at 29.97', () => {
    const { project, sequence } = interchangeProject({ num: 30000, den: 1001 });
    const text = exportFcpxml(project, sequence.id, locate);
    expect(text).toContain('frameDuration="1001/30000s"');
    expect(text).toMatch(/<sequence [^>]*tcFormat="DF"/);
    expect(text).toContain('src="file:///projects/demo%20dir/media/shotA.mp4"');
  });

  it("writes the shot's other takes as an audition and the generation metadata", () => {
    const { project, sequence } = interchangeProject({ num: 24, den: 1 });
    const shotId = 'shot1';
    project.shots[shotId] = {
      id: shotId,
      name: 'Shot 1',
      prompt: 'a red kite over dunes',
      negativePrompt: '',
      cameraDirection: 'dollyIn',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: 7,
      audio: false,
      model: { provider: 'animatic', model: 'animatic-1' },
      takeIds: ['t1', 't2'],
      selectedTakeId: 't1',
      promptHistory: [],
    };
    const recipe = {
      prompt: 'a red kite over dunes',
      negativePrompt: '',
      cameraDirection: 'dollyIn',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: 7,
      audio: false,
    };
    for (const [takeId, assetId] of [
      ['t1', 'shotA'],
      ['t2', 'shotB'],
    ] as const) {
      project.takes[takeId] = {
        id: takeId,
        shotId,
        provider: 'animatic',
        model: 'animatic-1',
        mode: 'textToVideo',
        status: 'succeeded',
        jobId: null,
        taskId: `task-${takeId}`,
        recipe,
        estimatedCostCents: 0,
        actualCostCents: 0,
        createdAt: '2026-11-24T00:00:00.000Z',
        finishedAt: '2026-11-24T00:01:00.000Z',
        outputAssetId: assetId,
        lastFrameAssetId: null,
        error: null,
      };
      project.assets[assetId]!.origin = { kind: 'generated', shotId, takeId };
    }
    const first = sequence.videoTracks[0]!.items[0]!;
    if (first.type === 'clip') first.shotId = shotId;
    const text = exportFcpxml(project, sequence.id, locate);
    expect(fcpxmlStructureProblems(text)).toEqual([]);
    expect(text).toMatch(
      /<audition>\s*<asset-clip[^>]*name="Opening"[\s\S]*?<\/asset-clip>\s*<asset-clip[^>]*name="shotB.mp4"/,
    );
    expect(text).toContain('key="com.shotloom.prompt" value="a red kite over dunes"');
    expect(text).toContain('key="com.shotloom.taskId" value="task-t1"');
    const imported = importFcpxml(text);
    expect(imported.notCarried.join('\n')).toMatch(/1 audition alternate/);
  });

  it('the structure check catches a misplaced element', () => {
    const { project, sequence } = interchangeProject({ num: 24, den: 1 });
    const broken = exportFcpxml(project, sequence.id, locate).replace(
      '<spine>',
      '<spine><marker start="0s" value="x"/>',
    );
    expect(fcpxmlStructureProblems(broken).join('\n')).toMatch(/<marker> is not allowed in <spine>/);
  });
});
