import { describe, expect, it } from 'vitest';
import { newTrack, type Sequence, type Track } from '../../../common/model';
import { layoutSequence } from '../../../renderer/src/features/timeline/geometry/trackLayout';
import {
  firstVideoClipFrom,
  overlaysAt,
  pictureAt,
  pictureOpacityAt,
} from '../../../renderer/src/features/viewer/playback/sequenceTiming';
import { clip, firstSequence, fixtureProject } from '../../helpers/modelFixtures';

const track = (id: string, items: Track['items'], muted = false): Track =>
  newTrack({ id, kind: 'video', name: id, items, muted });

/** V1: a 48-frame clip; V2: a logo over frames 12–36; V3: a title over frames 24–30. */
function sequence(options: { hideV2?: boolean } = {}): Sequence {
  const base = firstSequence(fixtureProject());
  return {
    ...base,
    videoTracks: [
      track('v1', [clip('shot', 'v10', 48)]),
      track('v2', [{ type: 'gap', id: 'g2', durationFrames: 12 }, clip('logo', 'still', 24)], options.hideV2),
      track('v3', [{ type: 'gap', id: 'g3', durationFrames: 24 }, clip('title', 'still', 6)]),
    ],
  };
}

describe('what the program viewer shows, as the export composites it', () => {
  it('takes the picture from the lowest shown track and lays the clips of the tracks above over it', () => {
    const layout = layoutSequence(sequence());
    const at = (frame: number) => ({
      picture: (() => {
        const picture = pictureAt(layout, frame);
        return picture.kind === 'clip' ? picture.placed.clip.id : picture.kind;
      })(),
      overlays: overlaysAt(layout, frame).map((placed) => placed.clip.id),
    });
    expect(at(0)).toEqual({ picture: 'shot', overlays: [] });
    expect(at(12)).toEqual({ picture: 'shot', overlays: ['logo'] });
    expect(at(25)).toEqual({ picture: 'shot', overlays: ['logo', 'title'] }); // lowest first
    expect(at(36)).toEqual({ picture: 'shot', overlays: [] });
    expect(at(48)).toEqual({ picture: 'none', overlays: [] });
    expect(firstVideoClipFrom(layout, 0)?.clip.id).toBe('shot');
  });

  it('leaves a hidden track out, like the export', () => {
    const layout = layoutSequence(sequence({ hideV2: true }));
    expect(overlaysAt(layout, 25).map((placed) => placed.clip.id)).toEqual(['title']);
  });

  it('multiplies the opacity line by the video fades', () => {
    const faded = clip('c', 'v10', 40, {
      opacityKeyframes: [
        { frame: 0, value: 1 },
        { frame: 20, value: 0.5 },
      ],
      videoFadeInFrames: 10,
      videoFadeOutFrames: 10,
    });
    expect(pictureOpacityAt(faded, 0)).toBe(0);
    expect(pictureOpacityAt(faded, 5)).toBeCloseTo(0.5 * 0.875);
    expect(pictureOpacityAt(faded, 20)).toBeCloseTo(0.5);
    expect(pictureOpacityAt(faded, 35)).toBeCloseTo(0.5 * 0.5);
    expect(pictureOpacityAt(clip('plain', 'v10', 10, { opacity: 0.25 }), 3)).toBe(0.25);
  });
});
