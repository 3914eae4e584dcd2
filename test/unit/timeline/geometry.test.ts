import { describe, expect, it } from 'vitest';
import { newClip, newTrack, type Sequence, type Track } from '../../../common/model';
import { clipsInRect, hitTest } from '../../../renderer/src/features/timeline/geometry/hitTest';
import { rulerTicks } from '../../../renderer/src/features/timeline/geometry/rulerTicks';
import {
  collectSnapTargets,
  nearestSnap,
  snapRange,
} from '../../../renderer/src/features/timeline/geometry/snapping';
import { formatTimecode } from '../../../renderer/src/features/timeline/geometry/timecode';
import {
  clipsInRange,
  layoutSequence,
  layoutTrack,
} from '../../../renderer/src/features/timeline/geometry/trackLayout';
import { stackRows } from '../../../renderer/src/features/timeline/geometry/trackRows';
import {
  fitScale,
  frameToX,
  xToFrame,
  zoomAround,
} from '../../../renderer/src/features/timeline/geometry/timeScale';

const clip = (id: string, durationFrames: number) =>
  newClip({ id, assetId: 'asset', name: id, durationFrames });

const track = (id: string, kind: 'video' | 'audio', items: Track['items']): Track =>
  newTrack({ id, kind, name: id, role: 'picture', items, heightPx: 60 });

function sequence(videoTracks: Track[], audioTracks: Track[] = []): Sequence {
  return {
    id: 'seq',
    name: 's',
    rate: { num: 24, den: 1 },
    width: 1920,
    height: 1080,
    sampleRate: 48000,
    videoTracks,
    audioTracks,
    markers: [],
    inFrame: null,
    outFrame: null,
    ducking: { enabled: false, amountDb: -12 },
  };
}

describe('time scale', () => {
  it('maps frames to pixels and back at any zoom and scroll', () => {
    const scale = { pxPerFrame: 4, scrollPx: 100 };
    expect(frameToX(50, scale)).toBe(100);
    expect(xToFrame(100, scale)).toBe(50);
    expect(xToFrame(103, scale, 'floor')).toBe(50);
    expect(xToFrame(-500, scale)).toBe(0);
  });

  it('zooms around the pointer, keeping the frame under it in place', () => {
    const scale = { pxPerFrame: 2, scrollPx: 40 };
    const zoomed = zoomAround(scale, 3, 200);
    expect(zoomed.pxPerFrame).toBe(6);
    expect(xToFrame(200, zoomed)).toBe(xToFrame(200, scale));
  });

  it('fits a sequence into the width', () => {
    const scale = fitScale(1000, 1024);
    expect(frameToX(1000, scale)).toBeLessThanOrEqual(1024);
    expect(frameToX(1000, scale)).toBeGreaterThan(990);
  });
});

describe('track layout', () => {
  it('places clips after gaps and centres transitions on cuts', () => {
    const layout = layoutTrack(
      track('v1', 'video', [
        clip('a', 48),
        { type: 'transition', id: 't', kind: 'dissolve', durationFrames: 12 },
        clip('b', 24),
        { type: 'gap', id: 'g', durationFrames: 10 },
        clip('c', 5),
      ]),
    );
    expect(layout.clips.map((placed) => [placed.clip.id, placed.startFrame, placed.endFrame])).toEqual([
      ['a', 0, 48],
      ['b', 48, 72],
      ['c', 82, 87],
    ]);
    expect(layout.transitions[0]).toMatchObject({
      cutFrame: 48,
      startFrame: 42,
      endFrame: 54,
      leftClipId: 'a',
      rightClipId: 'b',
    });
    expect(layout.endFrame).toBe(87);
  });

  it('culls 1,000 clips to those in view', () => {
    const items = Array.from({ length: 1000 }, (_, index) => clip(`c${index}`, 10));
    const layout = layoutTrack(track('v1', 'video', items));
    const visible = clipsInRange(layout.clips, 995, 1021);
    expect(visible.map((placed) => placed.clip.id)).toEqual(['c99', 'c100', 'c101', 'c102']);
    expect(clipsInRange(layout.clips, 10_000, 20_000)).toEqual([]);
  });

  it('shows video tracks top-down above the audio tracks', () => {
    const layout = layoutSequence(
      sequence([track('v1', 'video', []), track('v2', 'video', [])], [track('a1', 'audio', [])]),
    );
    expect(layout.tracks.map((t) => t.track.id)).toEqual(['v2', 'v1', 'a1']);
  });
});

describe('hit testing', () => {
  const layout = layoutSequence(
    sequence([track('v1', 'video', [clip('a', 40), clip('b', 40)])], [track('a1', 'audio', [clip('m', 80)])]),
  );
  const { rows } = stackRows(layout.tracks);
  const scale = { pxPerFrame: 5, scrollPx: 0 };

  it('finds bodies, trim handles and empty space', () => {
    expect(hitTest(layout, rows, scale, 100, 10)).toMatchObject({
      kind: 'clip',
      zone: 'body',
      placed: { clip: { id: 'a' } },
    });
    expect(hitTest(layout, rows, scale, 197, 10)).toMatchObject({
      kind: 'clip',
      zone: 'trimEnd',
      placed: { clip: { id: 'a' } },
    });
    expect(hitTest(layout, rows, scale, 202, 10)).toMatchObject({
      kind: 'clip',
      zone: 'trimStart',
      placed: { clip: { id: 'b' } },
    });
    expect(hitTest(layout, rows, scale, 500, 10)).toMatchObject({ kind: 'empty', trackId: 'v1' });
    expect(hitTest(layout, rows, scale, 50, rows[1]!.top + 5)).toMatchObject({
      kind: 'clip',
      placed: { clip: { id: 'm' } },
    });
  });

  it('selects clips inside a marquee', () => {
    expect(clipsInRect(layout, rows, scale, { x1: 150, y1: 0, x2: 250, y2: 20 })).toEqual(['a', 'b']);
    expect(clipsInRect(layout, rows, scale, { x1: 150, y1: 0, x2: 250, y2: 200 })).toEqual(['a', 'b', 'm']);
  });
});

describe('snapping', () => {
  const layout = layoutSequence(sequence([track('v1', 'video', [clip('a', 40), clip('b', 40)])]));
  const targets = collectSnapTargets(layout, { markers: [100], playheadFrame: 63, marks: [null, 120] });

  it('finds the nearest target within the threshold', () => {
    expect(nearestSnap(targets, 42, 3)).toEqual({ frame: 40, kind: 'cut' });
    expect(nearestSnap(targets, 61, 3)).toEqual({ frame: 63, kind: 'playhead' });
    expect(nearestSnap(targets, 98, 3)).toEqual({ frame: 100, kind: 'marker' });
    expect(nearestSnap(targets, 50, 3)).toBeNull();
  });

  it('snaps a range by whichever edge is closer', () => {
    expect(snapRange(targets, 91, 99, 4)).toEqual({ delta: 1, target: { frame: 100, kind: 'marker' } });
    expect(snapRange(targets, 50, 55, 2)).toEqual({ delta: 0, target: null });
  });
});

describe('ruler and timecode', () => {
  it('labels round values at least 90 px apart', () => {
    const ticks = rulerTicks(0, 480, 2, 24);
    expect(ticks.majorStep).toBe(48);
    expect(ticks.majors.slice(0, 3)).toEqual([0, 48, 96]);
    expect(ticks.minors.length).toBeGreaterThan(0);
    expect(rulerTicks(0, 100, 40, 24).majorStep).toBe(3);
    expect(rulerTicks(0, 100, 40, 25).majorStep).toBe(5);
  });

  it('formats non-drop and drop-frame timecode', () => {
    expect(formatTimecode(24 * 3661 + 5, { num: 24, den: 1 })).toBe('01:01:01:05');
    expect(formatTimecode(1800, { num: 30000, den: 1001 })).toBe('00:01:00;02');
    expect(formatTimecode(17982, { num: 30000, den: 1001 })).toBe('00:10:00;00');
  });
});
