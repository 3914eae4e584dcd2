import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSequence } from '../../../common/interchange/buildSequence';
import { importOtio } from '../../../common/interchange/otio/importOtio';
import { newProject } from '../../../common/model/newProject';
import { videoAsset } from '../../helpers/modelFixtures';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/interchange', name), 'utf8');

describe('OTIO written by hand (nested stacks, gaps, Clip.1 and Clip.2, a missing reference)', () => {
  it('imports cuts frame for frame and reports what it could not carry', () => {
    const imported = importOtio(fixture('nested.otio'));
    expect(imported.rate).toEqual({ num: 24, den: 1 });
    const project = newProject({ name: 'Import' });
    for (const id of ['shotA', 'shotB', 'shotC'])
      project.assets[id] = { ...videoAsset(id, 240), path: `/media/shots/${id}.mp4` };
    const built = buildSequence(
      project,
      imported,
      (clip) => Object.values(project.assets).find((asset) => asset.path === clip.mediaPath) ?? null,
    );
    const v1 = built.sequence.videoTracks[0]!.items.map((item) =>
      item.type === 'clip'
        ? [item.assetId, item.sourceIn, item.durationFrames]
        : [item.type, item.durationFrames],
    );
    expect(v1).toEqual([
      ['gap', 12],
      ['shotA', 24, 48],
      ['shotB', 12, 24],
      ['shotC', 100, 24],
      ['shotB', 60, 12],
    ]);
    expect(built.sequence.markers).toEqual([
      expect.objectContaining({ frame: 22, name: 'look', color: 'yellow' }),
    ]);
    const report = built.notCarried.join('\n');
    expect(report).toMatch(/MissingReference/);
    expect(report).toMatch(/media not found \(missing\)/);
    expect(report).toMatch(/transition without a clip on each side/);
  });

  it('refuses text that is not OTIO with a clear code', () => {
    expect(() => importOtio('{ not json')).toThrow(expect.objectContaining({ code: 'INTERCHANGE_INVALID' }));
    expect(() => importOtio('{"OTIO_SCHEMA":"Clip.2"}')).toThrow(/not a Timeline/);
  });
});
