import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSequence } from '../../../common/interchange/buildSequence';
import { exportEdl } from '../../../common/interchange/edl/exportEdl';
import { importEdl } from '../../../common/interchange/edl/importEdl';
import { cutsOf, interchangeProject } from '../../helpers/interchangeProject';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/interchange', name), 'utf8');
const locate = (asset: { path: string }) => `/projects/demo/${asset.path}`;

describe('CMX 3600 EDL', () => {
  for (const rate of [
    { num: 24, den: 1 },
    { num: 25, den: 1 },
    { num: 30000, den: 1001 },
    { num: 60000, den: 1001 },
  ]) {
    it(`round-trips the main video track with dissolves and wipes at ${rate.num}/${rate.den}`, () => {
      const { project, sequence } = interchangeProject(rate);
      const { text, notCarried } = exportEdl(project, sequence.id, locate);
      expect(text).toMatch(/^TITLE: Sequence 1\nFCM: (NON-)?DROP FRAME\n/);
      expect(text).toContain('\n002  SHOTB    AA/V  D    012 ');
      expect(notCarried.join('\n')).toMatch(/audio track A2/);
      const byPath = new Map(Object.values(project.assets).map((asset) => [locate(asset), asset]));
      const imported = importEdl(text, rate);
      expect(imported.rate).toEqual(rate);
      const built = buildSequence(project, imported, (clip) => byPath.get(clip.mediaPath ?? '') ?? null);
      expect(built.notCarried).toEqual([]);
      expect((cutsOf(built.sequence) as { video: unknown }).video).toEqual(
        (cutsOf(sequence) as { video: unknown }).video,
      );
    });
  }

  it('imports a drop-frame EDL written by hand with a dissolve, a gap and an audio-only event', () => {
    const imported = importEdl(fixture('dissolves-df.edl'), { num: 24, den: 1 });
    expect(imported.name).toBe('HAND WRITTEN DISSOLVES');
    expect(imported.rate).toEqual({ num: 30000, den: 1001 });
    // 1 s of kite (01:00:00;00–01:00:02;00 = 60 frames), a 30-frame dissolve centred 15 frames into
    // the dunes event, a 1 s gap, then the sea shot; the voice-over goes to an audio track.
    expect(imported.videoTracks[0]!.items).toEqual([
      expect.objectContaining({ type: 'clip', mediaPath: 'kite.mov', sourceStart: 30, durationFrames: 75 }),
      { type: 'transition', kind: 'dissolve', durationFrames: 30 },
      expect.objectContaining({ type: 'clip', mediaPath: 'dunes.mov', sourceStart: 300, durationFrames: 75 }),
      { type: 'gap', durationFrames: 30 },
      expect.objectContaining({ type: 'clip', mediaPath: 'sea.mov', sourceStart: 0, durationFrames: 1800 }),
    ]);
    expect(imported.audioTracks[0]!.items).toEqual([
      { type: 'gap', durationFrames: 30 },
      expect.objectContaining({ mediaPath: 'voice.wav', durationFrames: 120 }),
    ]);
    expect(imported.notCarried).toEqual([]);
  });

  it('refuses a file with no events', () => {
    expect(() => importEdl('TITLE: x\nFCM: NON-DROP FRAME\n', { num: 24, den: 1 })).toThrow(
      expect.objectContaining({ code: 'INTERCHANGE_INVALID' }),
    );
  });
});
