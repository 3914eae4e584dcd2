/** Progress (0..1, or null when unknown) of running generation jobs, by take id. */
export function useJobProgress(): ReadonlyMap<string, number | null> {
  return emptyProgress;
}

const emptyProgress: ReadonlyMap<string, number | null> = new Map();
