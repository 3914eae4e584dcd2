import { useCallback, useEffect, useState } from 'react';
import type { RenderRecord } from '../../../../common/contract/channels/render';
import { useApi } from '../../api/ApiContext';

export interface RunningExport {
  jobId: string;
  outputPath: string;
  fraction: number;
  etaSeconds: number | null;
  stage: string;
  startedAt: number;
  finished: null | { ok: boolean; outputPath?: string; error?: { code: string; message: string } };
}

/** Exports in flight (from render:progressed / render:finished) and the last ones (render:list). */
export function useRenderJobs() {
  const api = useApi();
  const [jobs, setJobs] = useState<Record<string, RunningExport>>({});
  const [history, setHistory] = useState<RenderRecord[]>([]);

  const refreshHistory = useCallback(async () => {
    const result = await api.invoke('render:list', {});
    if (result.ok) setHistory(result.value);
  }, [api]);

  useEffect(() => {
    void api.invoke('render:list', {}).then((result) => result.ok && setHistory(result.value));
    const offProgress = api.on('render:progressed', (payload) =>
      setJobs((current) => {
        const job = current[payload.jobId];
        if (!job) return current;
        return {
          ...current,
          [payload.jobId]: {
            ...job,
            fraction: payload.fraction,
            etaSeconds: payload.etaSeconds,
            stage: payload.stage,
          },
        };
      }),
    );
    const offFinished = api.on('render:finished', (payload) => {
      setJobs((current) => {
        const job = current[payload.jobId];
        if (!job) return current;
        return {
          ...current,
          [payload.jobId]: {
            ...job,
            fraction: payload.ok ? 1 : job.fraction,
            finished: {
              ok: payload.ok,
              ...(payload.outputPath ? { outputPath: payload.outputPath } : {}),
              ...(payload.error ? { error: payload.error } : {}),
            },
          },
        };
      });
      void refreshHistory();
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api, refreshHistory]);

  const track = useCallback((jobId: string, outputPath: string) => {
    setJobs((current) => ({
      ...current,
      [jobId]: {
        jobId,
        outputPath,
        fraction: 0,
        etaSeconds: null,
        stage: 'starting',
        startedAt: Date.now(),
        finished: null,
      },
    }));
  }, []);

  return { jobs, history, track, refreshHistory };
}
