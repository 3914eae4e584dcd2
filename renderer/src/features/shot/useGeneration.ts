import { useMemo } from 'react';
import type { Shot, Take } from '../../../../common/model';

export interface CostEstimateView {
  /** Cents for all takes asked for; null when the price is unknown. */
  cents: number | null;
  /** Where the number comes from, in words. */
  note: string;
}

/** Starting generation jobs for a shot and estimating what they cost. */
export function useGeneration(): {
  estimate: (shot: Shot, count: number) => Promise<CostEstimateView | { error: string }>;
  start: (shot: Shot, count: number) => Promise<string | null>;
  regenerate: (shot: Shot, take: Take) => Promise<string | null>;
} {
  return useMemo(
    () => ({
      estimate: async () => ({ error: 'Estimates are not available in this build yet.' }),
      start: async () => 'Generation is not available in this build yet.',
      regenerate: async () => 'Generation is not available in this build yet.',
    }),
    [],
  );
}
