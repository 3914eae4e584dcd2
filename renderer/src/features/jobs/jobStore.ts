import type { ShotloomApi } from '../../../../common/contract';
import type { JobSummary } from '../../../../common/contract/channels/job';

/**
 * The generation jobs the core knows, kept current by job:progressed / job:finished: one store per
 * editor (per API instance), shared by the jobs panel, the takes list and the bin.
 */
export interface JobStore {
  getJobs(): readonly JobSummary[];
  subscribe(listener: () => void): () => void;
  refresh(): Promise<void>;
}

const stores = new WeakMap<ShotloomApi, JobStore>();

function createJobStore(api: ShotloomApi): JobStore {
  let jobs: readonly JobSummary[] = [];
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  const upsert = ({ job }: { job: JobSummary }) => {
    const index = jobs.findIndex((candidate) => candidate.id === job.id);
    if (index >= 0 && jobs[index]!.updatedAt > job.updatedAt) return;
    jobs = index >= 0 ? jobs.map((candidate, at) => (at === index ? job : candidate)) : [job, ...jobs];
    emit();
  };
  api.on('job:progressed', upsert);
  api.on('job:finished', upsert);
  const refresh = async () => {
    const result = await api.invoke('job:list', {});
    if (result.ok) {
      jobs = result.value;
      emit();
    }
  };
  void refresh();
  return {
    getJobs: () => jobs,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
  };
}

export function jobStoreFor(api: ShotloomApi): JobStore {
  let store = stores.get(api);
  if (!store) {
    store = createJobStore(api);
    stores.set(api, store);
  }
  return store;
}
