import { describe, expect, it } from 'vitest';
import { createPlaybackClock } from '../../../renderer/src/features/viewer/playback/playbackClock';

function harness(endFrame = 240) {
  let now = 0;
  let playhead = 0;
  const frames: Array<() => void> = [];
  const clock = createPlaybackClock({
    fps: 24,
    endFrame,
    getPlayhead: () => playhead,
    setPlayhead: (frame) => {
      playhead = frame;
    },
    now: () => now,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => undefined,
  });
  const advance = (ms: number) => {
    now += ms;
    const pending = frames.splice(0);
    for (const callback of pending) callback();
  };
  return { clock, advance, playhead: () => playhead, seekTo: (frame: number) => (playhead = frame) };
}

describe('playback clock', () => {
  it('advances the playhead in real time and stops at the end', () => {
    const { clock, advance, playhead } = harness(48);
    clock.play();
    advance(500);
    expect(playhead()).toBe(12);
    expect(clock.exactFrame()).toBeCloseTo(12, 5);
    advance(2000);
    expect(playhead()).toBe(48);
    expect(clock.getState().playing).toBe(false);
  });

  it('shuttles with J K L: repeated L doubles the speed, J plays backwards, K stops', () => {
    const { clock, advance, playhead, seekTo } = harness();
    seekTo(100);
    clock.shuttle(1);
    clock.shuttle(1);
    expect(clock.getState().rate).toBe(2);
    advance(500);
    expect(playhead()).toBe(124);
    clock.shuttle(-1);
    expect(clock.getState().rate).toBe(-1);
    advance(1000);
    expect(playhead()).toBe(100);
    clock.shuttle(0);
    expect(clock.getState().playing).toBe(false);
  });

  it('keeps playing from a seek and takes new limits', () => {
    const { clock, advance, playhead } = harness();
    clock.play();
    advance(100);
    clock.seek(200);
    advance(250);
    expect(playhead()).toBe(206);
    clock.configure({ fps: 24, endFrame: 210 });
    advance(1000);
    expect(playhead()).toBe(210);
    expect(clock.getState().playing).toBe(false);
  });
});
