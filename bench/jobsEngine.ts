/**
 * What bench/jobs.mjs drives: the job engine, the Runway adapter, the streamed download and the
 * fake Runway server, bundled from source with rolldown so the bench measures the shipped code.
 */
export { JobEngine } from '../main/services/jobs/jobEngine';
export { JobJournal } from '../main/services/jobs/jobJournal';
export { ProviderRegistry } from '../main/providers/registry';
export { RunwayAdapter } from '../main/providers/runway/runwayAdapter';
export { streamDownload } from '../main/providers/download';
export { RunwayFake } from '../test/helpers/fakeProviders/runwayFake';
export { testRequest } from '../test/helpers/fakeProviders/adapterContext';
