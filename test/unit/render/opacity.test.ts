import { describe, expect, it } from 'vitest';
import { animatedOpacityFilters, opacityAt, opacitySteps } from '../../../common/render/opacity';
import { clip } from './renderProject';

describe('opacity lines', () => {
  const ramp = clip('c', 'a', 2000, {
    opacity: 0.3,
    opacityKeyframes: [
      { frame: 100, value: 0 },
      { frame: 1900, value: 1 },
    ],
  });

  it('hold before the first keyframe and after the last, linear between; the constant without keyframes', () => {
    expect(opacityAt(ramp, 0)).toBe(0);
    expect(opacityAt(ramp, 1000)).toBeCloseTo(0.5);
    expect(opacityAt(ramp, 1999)).toBe(1);
    expect(opacityAt(clip('d', 'a', 10, { opacity: 0.3 }), 5)).toBe(0.3);
  });

  it('change at most once per 8-bit level, whatever the length of the ramp', () => {
    const steps = opacitySteps(ramp, 0, 2000);
    expect(steps[0]).toEqual({ frame: 0, value: 0 });
    expect(steps.length).toBe(256);
    expect(steps.at(-1)?.value).toBe(1);
    for (const step of steps) expect(Math.round(step.value * 255)).toBeCloseTo(step.value * 255, 9);
  });

  it('set the mixer at the first frame read and send each change half a frame early', () => {
    const rate = { num: 24, den: 1 };
    const short = clip('e', 'a', 3, {
      opacityKeyframes: [
        { frame: 0, value: 1 },
        { frame: 2, value: 0 },
      ],
    });
    const sequence = { rate } as Parameters<typeof animatedOpacityFilters>[1];
    expect(animatedOpacityFilters(short, sequence, 0, 3, 'o0', ['aa'])).toEqual([
      "sendcmd=c='0.020833 colorchannelmixer@o0 aa 0.5020;0.062500 colorchannelmixer@o0 aa 0.0000'",
      'colorchannelmixer@o0=aa=1.0000',
    ]);
  });
});
