import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../common/model';
import { PidRegistry } from '../../../main/ffmpeg/pidRegistry';
import type { ProjectAccess } from '../../../main/services/project/projectAccess';
import { RenderService, type RenderServiceDeps } from '../../../main/services/render/renderService';
import { makeTempDir } from '../../helpers/tempDir';
import { assetFor, clip, ffmpegPath, ffprobePath, makeClip, makeStill, projectWith } from './renderFixtures';

const run = promisify(execFile);
let dir: { path: string; remove: () => Promise<void> };
let project: Project;
let sequenceId: string;
let longProject: Project;

type Finished = Parameters<RenderServiceDeps['emitFinished']>[0];
type Progressed = Parameters<RenderServiceDeps['emitProgress']>[0];

beforeAll(async () => {
  dir = await makeTempDir('shotloom-render-service-');
  const asset = await assetFor(await makeClip(dir.path, 'gen', { seconds: 1 }), 'gen');
  asset.origin = { kind: 'generated', shotId: 'shot1', takeId: 'take1' };
  const built = projectWith([asset], [clip('c1', 'gen', 24, { shotId: 'shot1' })]);
  project = built.project;
  sequenceId = built.sequenceId;
  project.shots.shot1 = {
    id: 'shot1',
    name: 'Opening',
    prompt: 'a lighthouse at dawn',
    negativePrompt: '',
    cameraDirection: 'static',
    keyframes: { first: null, middle: null, last: null },
    referenceIds: [],
    sourceVideoAssetId: null,
    durationSeconds: 5,
    ratio: '16:9',
    seed: 42,
    audio: false,
    model: { provider: 'runway', model: 'gen4_turbo' },
    takeIds: ['take1'],
    selectedTakeId: 'take1',
    promptHistory: [],
  };
  project.takes.take1 = {
    id: 'take1',
    shotId: 'shot1',
    provider: 'runway',
    model: 'gen4_turbo',
    mode: 'textToVideo',
    status: 'succeeded',
    jobId: null,
    taskId: 'task-123',
    recipe: {
      prompt: 'a lighthouse at dawn',
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 5,
      ratio: '16:9',
      seed: 42,
      audio: false,
    },
    estimatedCostCents: 25,
    actualCostCents: 25,
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    outputAssetId: 'gen',
    lastFrameAssetId: null,
    error: null,
  };
  const still = await assetFor(await makeStill(dir.path, 'still'), 'still');
  longProject = projectWith([still], [clip('s1', 'still', 960)], { width: 1280, height: 720 }).project;
});

afterAll(async () => {
  await dir.remove();
});

function service(document: () => Project, extra: Partial<RenderServiceDeps> = {}) {
  const progressed: Progressed[] = [];
  const finished: Finished[] = [];
  let resolveFinished: (value: Finished) => void = () => undefined;
  const next = () => new Promise<Finished>((resolve) => (resolveFinished = resolve));
  const folder = join(dir.path, 'project');
  const projects: ProjectAccess = {
    current: () => ({ folder, document: document(), update: () => document(), resolvePath: (path) => path }),
    currentOrNull: () => null,
  };
  const renders = new RenderService({
    host: 'electron',
    dataDir: join(dir.path, 'data'),
    projects,
    ffmpegPath: async () => ffmpegPath,
    ffprobePath: async () => ffprobePath,
    registry: new PidRegistry(join(dir.path, 'data')),
    emitProgress: (payload) => progressed.push(payload),
    emitFinished: (payload) => {
      finished.push(payload);
      resolveFinished(payload);
    },
    ...extra,
  });
  return { renders, progressed, finished, next, folder };
}

describe('RenderService', () => {
  it('exports into exports/, reports progress, records the export, and carries provenance', async () => {
    const { renders, progressed, next, folder } = service(() => project);
    const done = next();
    const started = await renders.start(
      {
        sequenceId,
        presetId: 'h264-sequence',
        smart: 'auto',
        loudnessLufs: null,
        output: { kind: 'exports', fileName: 'first cut' },
      },
      'electron',
    );
    expect(started.outputPath).toBe(join(folder, 'exports', 'first cut.mp4'));
    const end = await done;
    expect(end).toEqual({ jobId: started.jobId, ok: true, outputPath: started.outputPath });
    expect(progressed.at(-1)?.fraction).toBe(1);
    const history = await renders.list();
    expect(history[0]).toMatchObject({ jobId: started.jobId, ok: true, mode: expect.any(String) });
    const shots = JSON.parse(await readFile(history[0]?.shotsPath ?? '', 'utf8')) as {
      containsAiGeneratedContent: boolean;
      shots: unknown[];
    };
    expect(shots.containsAiGeneratedContent).toBe(true);
    expect(shots.shots[0]).toMatchObject({
      provider: 'runway',
      model: 'gen4_turbo',
      prompt: 'a lighthouse at dawn',
      seed: 42,
      taskId: 'task-123',
      costCents: 25,
    });
    const { stdout } = await run(ffprobePath, [
      '-v',
      'error',
      '-show_entries',
      'format_tags=title,comment',
      '-of',
      'json',
      started.outputPath,
    ]);
    expect(stdout).toContain('Contains AI-generated content');
    expect(stdout).toContain('Render test - Sequence 1');
  });

  it('never takes a path from the renderer; a dialog needs the host capability', async () => {
    const { renders } = service(() => project);
    await expect(
      renders.resolveOutput({ kind: 'path', path: '/tmp/x.mp4' }, 'h264-sequence', 'web'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      renders.resolveOutput({ kind: 'dialog' }, 'h264-sequence', 'electron'),
    ).rejects.toMatchObject({ code: 'NOT_AVAILABLE_IN_HOST' });
    const withDialog = service(() => project, {
      chooseSaveFile: async ({ extension }) => `/chosen/film.${extension}`,
    });
    await expect(withDialog.renders.resolveOutput({ kind: 'dialog' }, 'prores-hq', 'electron')).resolves.toBe(
      '/chosen/film.mov',
    );
    const cancelled = service(() => project, { chooseSaveFile: async () => null });
    await expect(
      cancelled.renders.resolveOutput({ kind: 'dialog' }, 'wav', 'electron'),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('render:plan says per segment which path it takes and which assets lack an edit-ready copy', async () => {
    const { renders } = service(() => project);
    const summary = await renders.plan({
      sequenceId,
      presetId: 'h264-sequence',
      smart: 'auto',
      loudnessLufs: null,
    });
    expect(summary.mode).toBe('concatCopy');
    expect(summary.segments[0]).toMatchObject({ path: 'copy', clipIds: ['c1'] });
    expect(summary.assetsWithoutEditReady).toEqual(['gen']);
    const forced = await renders.plan({
      sequenceId,
      presetId: 'h264-sequence',
      smart: 'forceEncode',
      loudnessLufs: null,
    });
    expect(forced.segments[0]).toMatchObject({
      path: 'encode',
      reason: 'the export is set to re-encode everything',
    });
  });

  it('cancel ends the job with CANCELLED and leaves nothing in exports/', async () => {
    const { renders, progressed, next, folder } = service(() => longProject);
    const done = next();
    const longSequence = longProject.sequenceOrder[0] ?? '';
    const started = await renders.start(
      {
        sequenceId: longSequence,
        presetId: 'h264-sequence',
        smart: 'auto',
        loudnessLufs: null,
        output: { kind: 'exports', fileName: 'long' },
      },
      'electron',
    );
    while (!progressed.some((entry) => entry.jobId === started.jobId && entry.fraction > 0.05))
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renders.cancel(started.jobId)).toEqual({ cancelled: true });
    const end = await done;
    expect(end).toMatchObject({ jobId: started.jobId, ok: false, error: { code: 'CANCELLED' } });
    expect(
      (await readdir(join(folder, 'exports'))).filter(
        (name) => name.startsWith('long') || name.startsWith('.long'),
      ),
    ).toEqual([]);
    expect(renders.cancel(started.jobId)).toEqual({ cancelled: false });
  });
});
