import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import type { InterchangeExportResult } from '../../../common/contract/channels/interchange';
import type { JobSummary } from '../../../common/contract/channels/job';
import type { ImportResult } from '../../../common/contract/channels/media';
import type { ProjectSnapshot } from '../../../common/contract/channels/project';
import type { Core } from '../../core/createCore';
import { unwrap } from '../unwrap';
import { demoSequenceFrames, type DemoRecipe } from './demoRecipe';
import { makeDemoMedia } from './makeDemoMedia';

export interface DemoResult {
  projectFolder: string;
  videoPath: string;
  otioPath: string;
  sequenceFrames: number;
  takes: number;
  seconds: number;
}

export type DemoStep = (label: string, fraction: number) => void;

async function call<T>(core: Core, channel: string, request: unknown): Promise<T> {
  return unwrap(await core.invoke(channel, request, { host: 'cli' })) as T;
}

/** Collects finished jobs from the moment it is made, so none is missed while jobs are being started. */
function collectFinishedJobs(core: Core) {
  const finished = new Map<string, JobSummary>();
  let notify = (): void => undefined;
  const stop = core.events.subscribe((event, payload) => {
    if (event !== 'job:finished') return;
    const job = (payload as { job: JobSummary }).job;
    finished.set(job.id, job);
    notify();
  });
  return {
    stop,
    /** Resolves when every job has finished; rejects on the first that did not succeed. */
    waitFor(jobIds: string[], onProgress: (done: number) => void): Promise<void> {
      return new Promise((resolve, reject) => {
        notify = () => {
          const done = jobIds.filter((id) => finished.has(id));
          const failed = done.map((id) => finished.get(id)!).find((job) => job.state !== 'succeeded');
          if (failed) {
            reject(
              new AppError(
                'PROVIDER_FAILED',
                `The Animatic take for shot ${failed.shotId} did not finish (${failed.state}).`,
                failed.error?.message,
              ),
            );
            return;
          }
          onProgress(done.length);
          if (done.length === jobIds.length) resolve();
        };
        notify();
      });
    },
  };
}

/**
 * The offline demo, end to end through the same channels the UI uses: makes the stills and sounds,
 * creates the project, imports them, writes six shots (one continuing from the last still of the
 * one before), generates every take with the Animatic provider, cuts them with a dissolve over a
 * ducked music bed, exports the MP4 (verified) and an OTIO file.
 */
export async function runDemo(
  core: Core,
  recipe: DemoRecipe,
  outputFolder: string,
  step: DemoStep,
): Promise<DemoResult> {
  const started = Date.now();
  const sources = join(outputFolder, 'sources');
  await mkdir(sources, { recursive: true });
  step('making stills, music and voice-over', 0.02);
  const media = await makeDemoMedia(recipe, sources, await core.binaries.ffmpegPath());

  const projectFolder = join(outputFolder, 'project');
  await call(core, 'project:new', {
    name: recipe.name,
    location: { kind: 'path', folder: projectFolder },
    rate: recipe.rate,
    width: recipe.width,
    height: recipe.height,
  });
  step('importing the sources', 0.08);
  const paths = [...Object.values(media.stills), media.music, media.voice];
  const imported = await call<ImportResult>(core, 'media:import', {
    source: { kind: 'paths', paths },
    storage: 'copy',
  });
  if (imported.failed.length > 0)
    throw new AppError(
      'MEDIA_CORRUPT',
      `A demo source could not be imported: ${imported.failed[0]!.name}.`,
      imported.failed[0]!.error.message,
    );
  const assetByName = new Map(
    imported.imported.map((file) => [file.name.replace(/\.[^.]+$/, ''), file.assetId]),
  );
  const asset = (name: string): string => {
    const id = assetByName.get(name);
    if (!id) throw new AppError('INTERNAL', `The demo source ${name} was not imported.`);
    return id;
  };

  const edit = (command: Record<string, unknown>) => call<ProjectSnapshot>(core, 'project:edit', { command });
  const shotIds = recipe.shots.map((_, index) => `demo_shot_${index + 1}`);
  for (const [index, shot] of recipe.shots.entries()) {
    const previous = recipe.shots[index - 1];
    // "Continue from the last frame": the previous shot's last keyframe is this shot's first, by reference.
    const first = shot.continueFromPrevious && previous?.last ? asset(previous.last) : asset(shot.first);
    await edit({
      type: 'createShot',
      id: shotIds[index],
      fields: {
        name: shot.name,
        prompt: shot.prompt,
        cameraDirection: shot.cameraDirection,
        keyframes: { first, middle: null, last: shot.last ? asset(shot.last) : null },
        durationSeconds: recipe.takeSeconds,
        ratio: '16:9',
        audio: false,
        model: { provider: 'animatic', model: 'animatic' },
      },
    });
  }

  step('generating six takes with the offline Animatic provider', 0.12);
  const jobIds: string[] = [];
  const takeIds: string[] = [];
  const jobs = collectFinishedJobs(core);
  try {
    for (const shotId of shotIds) {
      const queued = await call<{ jobIds: string[]; takeIds: string[] }>(core, 'generate:start', {
        shotId,
        takes: 1,
      });
      jobIds.push(...queued.jobIds);
      takeIds.push(...queued.takeIds);
    }
    await jobs.waitFor(jobIds, (done) =>
      step(`generated ${done} of ${shotIds.length} takes`, 0.12 + (0.5 * done) / shotIds.length),
    );
  } finally {
    jobs.stop();
  }

  step('cutting the sequence', 0.64);
  const snapshot = await call<ProjectSnapshot>(core, 'project:get', {});
  const sequenceId = snapshot.document.sequenceOrder[0]!;
  const sequence = snapshot.document.sequences[sequenceId]!;
  const [v1] = sequence.videoTracks;
  const [dialogue, music] = sequence.audioTracks;
  if (!v1 || !dialogue || !music)
    throw new AppError('INTERNAL', 'The new project has no V1, A1 and A2 tracks.');
  for (const [index, shotId] of shotIds.entries()) {
    const takeId = takeIds[index]!;
    const take = snapshot.document.takes[takeId];
    if (!take?.outputAssetId) throw new AppError('INTERNAL', `Take ${takeId} has no output.`);
    await edit({ type: 'selectTake', shotId, takeId });
    await edit({
      type: 'appendClip',
      sequenceId,
      trackId: v1.id,
      clip: {
        id: `demo_clip_${index + 1}`,
        assetId: take.outputAssetId,
        shotId,
        sourceIn: recipe.handleFrames,
        durationFrames: recipe.clipFrames,
      },
    });
  }
  await edit({
    type: 'addTransition',
    sequenceId,
    leftItemId: `demo_clip_${recipe.dissolveAfterShot}`,
    kind: 'dissolve',
    durationFrames: recipe.dissolveFrames,
  });
  const sequenceFrames = demoSequenceFrames(recipe);
  await edit({
    type: 'appendClip',
    sequenceId,
    trackId: dialogue.id,
    clip: { assetId: asset('voice'), durationFrames: sequenceFrames },
  });
  await edit({
    type: 'appendClip',
    sequenceId,
    trackId: music.id,
    clip: { assetId: asset('music'), durationFrames: sequenceFrames },
  });
  core.projects.current().update(
    (document) => ({
      ...document,
      sequences: {
        ...document.sequences,
        [sequenceId]: {
          ...document.sequences[sequenceId]!,
          ducking: { enabled: true, amountDb: recipe.duckingDb },
        },
      },
    }),
    'Duck the music under the voice-over',
  );
  await call(core, 'project:save', {});

  step('exporting the MP4', 0.7);
  const videoPath = join(outputFolder, 'demo.mp4');
  const render = await call<{ jobId: string }>(core, 'render:start', {
    sequenceId,
    presetId: 'h264-720p',
    output: { kind: 'path', path: videoPath },
  });
  await new Promise<void>((resolve, reject) => {
    const unsubscribe = core.events.subscribe((event, payload) => {
      const update = payload as {
        jobId: string;
        ok?: boolean;
        fraction?: number;
        stage?: string;
        error?: { code: string; message: string; detail?: string };
      };
      if (update.jobId !== render.jobId) return;
      if (event === 'render:progressed')
        step(`exporting the MP4 (${update.stage ?? ''})`, 0.7 + 0.28 * (update.fraction ?? 0));
      if (event === 'render:finished') {
        unsubscribe();
        if (update.ok) resolve();
        else
          reject(
            new AppError(
              (update.error?.code ?? 'RENDER_VERIFY_FAILED') as never,
              update.error?.message ?? 'The demo export failed.',
              update.error?.detail,
            ),
          );
      }
    });
  });
  step('writing the OTIO file', 0.99);
  const otio = await call<InterchangeExportResult>(core, 'interchange:export', {
    sequenceId,
    format: 'otio',
    fileName: 'demo.otio',
  });
  return {
    projectFolder,
    videoPath,
    otioPath: otio.outputPath,
    sequenceFrames,
    takes: takeIds.length,
    seconds: (Date.now() - started) / 1000,
  };
}
