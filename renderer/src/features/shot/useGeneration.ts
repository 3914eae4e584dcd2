import { useCallback, useMemo } from 'react';
import type { Shot, Take } from '../../../../common/model';
import { deepEqual } from '../../../../common/model/history/patch';
import { useApi } from '../../api/ApiContext';
import { useProjectState } from '../../state';

export interface CostEstimateView {
  /** Cents for all takes asked for; null when the price is unknown. */
  cents: number | null;
  /** Where the number comes from, in words. */
  note: string;
  /** Budget left after these takes (ledger and jobs in flight counted); null without a budget. */
  remainingCents: number | null;
  withinBudget: boolean;
  /** What stops the shot, as the core sees it. */
  issues: string[];
}

/** Starting generation jobs for a shot and estimating what they cost. */
export function useGeneration(): {
  /** The price of `count` takes of a shot as the core holds it (it reads the shot itself). */
  estimate: (shotId: string, count: number) => Promise<CostEstimateView | { error: string }>;
  start: (shot: Shot, count: number) => Promise<string | null>;
  regenerate: (shot: Shot, take: Take) => Promise<string | null>;
} {
  const api = useApi();
  const { edit } = useProjectState();

  const estimate = useCallback(
    async (shotId: string, count: number): Promise<CostEstimateView | { error: string }> => {
      const result = await api.invoke('generate:estimate', { shotIds: [shotId], takes: count });
      if (!result.ok) return { error: result.error.message };
      const item = result.value.items[0];
      return {
        cents: item?.cents ?? null,
        note: item?.note ?? '',
        remainingCents: result.value.remainingCents,
        withinBudget: result.value.withinBudget,
        issues: item?.issues ?? [],
      };
    },
    [api],
  );

  const start = useCallback(
    async (shot: Shot, count: number) => {
      const result = await api.invoke('generate:start', { shotId: shot.id, takes: count });
      return result.ok ? null : result.error.message;
    },
    [api],
  );

  /**
   * Regenerates a take with its own parameters: a failed, cancelled or unclear job is retried (the
   * core refuses moderation failures until the shot changes); otherwise the take's recipe is put
   * back into the shot (one undo step, when it differs) and one new take is generated.
   */
  const regenerate = useCallback(
    async (shot: Shot, take: Take) => {
      if (take.jobId && (take.status === 'failed' || take.status === 'cancelled')) {
        const retried = await api.invoke('job:retry', { jobId: take.jobId });
        return retried.ok ? null : retried.error.message;
      }
      const { recipe } = take;
      const current = {
        prompt: shot.prompt,
        negativePrompt: shot.negativePrompt,
        cameraDirection: shot.cameraDirection,
        keyframes: shot.keyframes,
        referenceIds: shot.referenceIds,
        sourceVideoAssetId: shot.sourceVideoAssetId,
        durationSeconds: shot.durationSeconds,
        ratio: shot.ratio,
        seed: shot.seed,
        audio: shot.audio,
      };
      if (!deepEqual(current, recipe)) {
        const updated = await edit({ type: 'updateShot', shotId: shot.id, fields: { ...recipe } });
        if (!updated.ok) return updated.error.message;
      }
      const result = await api.invoke('generate:start', {
        shotId: shot.id,
        takes: 1,
        provider: take.provider,
        model: take.model,
      });
      return result.ok ? null : result.error.message;
    },
    [api, edit],
  );

  return useMemo(() => ({ estimate, start, regenerate }), [estimate, start, regenerate]);
}
