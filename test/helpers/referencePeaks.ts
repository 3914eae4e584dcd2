/** The reference peaks the tests compare against: plain min/max of every `size` samples. */
export function referencePeaks(samples: ArrayLike<number>, size: number): { min: number[]; max: number[] } {
  const values = Array.from(samples);
  const min: number[] = [];
  const max: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const bucket = values.slice(start, start + size);
    min.push(Math.min(...bucket));
    max.push(Math.max(...bucket));
  }
  return { min, max };
}
