/** Frame steps a ruler may use between labelled ticks, at a given rate in whole frames per second. */
function candidateSteps(framesPerSecond: number): number[] {
  const seconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  // Frame steps that divide a second, so labels land on whole seconds as well.
  const frames = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15].filter(
    (step) => step < framesPerSecond && framesPerSecond % step === 0,
  );
  return [...frames, ...seconds.map((second) => second * framesPerSecond)];
}

export interface RulerTicks {
  /** Frames between labelled ticks. */
  majorStep: number;
  /** Frames between small ticks. */
  minorStep: number;
  /** Frames of the labelled ticks that are in view. */
  majors: number[];
  minors: number[];
}

/**
 * Ticks for the visible frames: labelled ticks at least `minLabelPx` apart, on round timecode values,
 * and about five small ticks between them (never closer than 6 px).
 */
export function rulerTicks(
  startFrame: number,
  endFrame: number,
  pxPerFrame: number,
  framesPerSecond: number,
  minLabelPx = 90,
): RulerTicks {
  const fps = Math.max(1, Math.round(framesPerSecond));
  const steps = candidateSteps(fps);
  const majorStep = steps.find((step) => step * pxPerFrame >= minLabelPx) ?? steps[steps.length - 1]!;
  const divisions = [10, 5, 4, 2, 1].find(
    (count) => majorStep % count === 0 && (majorStep / count) * pxPerFrame >= 6,
  );
  const minorStep = majorStep / (divisions ?? 1);
  const majors: number[] = [];
  const minors: number[] = [];
  const first = Math.floor(startFrame / minorStep) * minorStep;
  for (let frame = first; frame <= endFrame; frame += minorStep) {
    if (frame % majorStep === 0) majors.push(frame);
    else minors.push(frame);
  }
  return { majorStep, minorStep, majors, minors };
}
