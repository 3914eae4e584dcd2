import { describe, expect, it } from 'vitest';
import { newProject, type Shot, type Take } from '../../../common/model';
import { estimateEta, toJobView } from '../../../renderer/src/features/jobs/useJobs';
import { explainError } from '../../../renderer/src/features/jobs/errorWords';
import { describeStorage } from '../../../renderer/src/features/settings/useKeys';
import { budgetLeftCents, spentCents } from '../../../renderer/src/features/shot/budget';
import { frameToSeconds } from '../../../renderer/src/features/shot/FrameGrabDialog';
import { durationChoices, modeForShot, modelFit } from '../../../renderer/src/features/shot/modelFit';
import { insertPhrase } from '../../../renderer/src/features/shot/presets';
import { diffTakes } from '../../../renderer/src/features/takes/recipeDiff';
import type { JobSummary } from '../../../common/contract/channels/job';

function shot(fields: Partial<Shot> = {}): Shot {
  return {
    id: 'shot_a',
    name: 'A',
    prompt: 'a lighthouse',
    negativePrompt: '',
    cameraDirection: 'static',
    keyframes: { first: null, middle: null, last: null },
    referenceIds: [],
    sourceVideoAssetId: null,
    durationSeconds: 4,
    ratio: '16:9',
    seed: null,
    audio: false,
    model: { provider: 'animatic', model: 'animatic' },
    takeIds: [],
    selectedTakeId: null,
    promptHistory: [],
    ...fields,
  };
}

describe('presets', () => {
  it('inserts a phrase at the caret with single spaces around it', () => {
    expect(insertPhrase('', 'Slow dolly in.')).toEqual({ text: 'Slow dolly in.', caret: 14 });
    expect(insertPhrase('A boat.', 'Pan left.')).toEqual({ text: 'A boat. Pan left.', caret: 17 });
    expect(insertPhrase('A boat.  At dusk.', 'Pan left.', 7, 9).text).toBe('A boat. Pan left. At dusk.');
  });
});

describe('model fit', () => {
  it('derives the mode from the keyframes and lists what the model cannot do', () => {
    expect(modeForShot(shot())).toBe('textToVideo');
    expect(modeForShot(shot({ keyframes: { first: 'a', middle: null, last: 'b' } }))).toBe('firstLastFrame');
    expect(modelFit(shot()).issues).toEqual([]);
    const gen45 = shot({
      model: { provider: 'runway', model: 'gen4.5' },
      keyframes: { first: 'a', middle: null, last: 'b' },
      durationSeconds: 30,
      prompt: '',
    });
    const fields = modelFit(gen45)
      .issues.map((issue) => issue.field)
      .sort();
    expect(fields).toEqual(['duration', 'mode', 'prompt']);
    expect(durationChoices({ kind: 'range', min: 2, max: 5 })).toEqual([2, 3, 4, 5]);
    expect(durationChoices({ kind: 'list', values: [4, 8] })).toEqual([4, 8]);
  });

  it('seeks to the middle of a frame so the frame shown is the one chosen', () => {
    expect(frameToSeconds(0, { num: 24, den: 1 })).toBeCloseTo(1 / 48);
    expect(frameToSeconds(24, { num: 24, den: 1 })).toBeCloseTo(1 + 1 / 48);
    expect(frameToSeconds(1, { num: 30000, den: 1001 })).toBeCloseTo((1.5 * 1001) / 30000);
  });
});

describe('takes, jobs, budget, keys', () => {
  const project = newProject({ name: 'P' });
  const take = (id: string, seed: number | null): Take => ({
    id,
    shotId: 'shot_a',
    provider: 'animatic',
    model: 'animatic',
    mode: 'textToVideo',
    status: 'succeeded',
    jobId: null,
    taskId: null,
    recipe: {
      prompt: 'a lighthouse',
      negativePrompt: '',
      cameraDirection: 'static',
      keyframes: { first: null, middle: null, last: null },
      referenceIds: [],
      sourceVideoAssetId: null,
      durationSeconds: 4,
      ratio: '16:9',
      seed,
      audio: false,
    },
    estimatedCostCents: 0,
    actualCostCents: 0,
    createdAt: '2026-01-01T00:00:00Z',
    finishedAt: null,
    outputAssetId: null,
    lastFrameAssetId: null,
    error: null,
  });

  it('diffs two takes parameter by parameter', () => {
    const rows = diffTakes(project, take('t1', null), take('t2', 7));
    expect(rows.filter((row) => row.differs).map((row) => [row.field, row.left, row.right])).toEqual([
      ['seed', 'random', '7'],
    ]);
  });

  it('explains moderation without offering a blind retry', () => {
    expect(explainError('PROVIDER_MODERATION').retry).toBe('afterEdit');
    expect(explainError('PROVIDER_MODEL_RETIRED').retry).toBe('no');
    expect(explainError('SOMETHING_NEW').title).toBe('The generation failed');
  });

  it('maps job states and estimates time left from progress so far', () => {
    const job = {
      id: 'job_1',
      provider: 'runway',
      model: 'gen4.5',
      mode: 'textToVideo',
      shotId: 'shot_a',
      takeId: 't1',
      projectFolder: '/p',
      state: 'downloading',
      waiting: null,
      progress: 0.5,
      taskId: null,
      estimatedCostCents: 48,
      actualCostCents: null,
      error: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:10.000Z',
      finishedAt: null,
      nextAttemptAt: null,
      outputAssetId: null,
    } satisfies JobSummary;
    const now = Date.parse('2026-01-01T00:00:20.000Z');
    expect(estimateEta(job, now)).toBeCloseTo(20);
    expect(toJobView(job, now)).toMatchObject({
      status: 'running',
      stage: 'Downloading the video',
      providerLabel: 'Runway',
      costCents: 48,
      costIsFinal: false,
    });
    expect(toJobView({ ...job, state: 'queued', waiting: 'rateLimited' }, now).stage).toMatch(/slow down/);
  });

  it('counts the ledger against the budget', () => {
    const withLedger = {
      ...project,
      settings: { ...project.settings, budgetCents: 500 },
      ledger: [
        {
          id: 'l1',
          takeId: 't1',
          shotId: 's',
          provider: 'runway',
          model: 'm',
          estimatedCents: 48,
          actualCents: 40,
          at: '2026-01-01T00:00:00Z',
        },
        {
          id: 'l2',
          takeId: 't2',
          shotId: 's',
          provider: 'runway',
          model: 'm',
          estimatedCents: 60,
          actualCents: null,
          at: '2026-01-01T00:00:00Z',
        },
      ],
    };
    expect(spentCents(withLedger)).toBe(100);
    expect(budgetLeftCents(withLedger)).toBe(400);
    expect(budgetLeftCents(project)).toBeNull();
  });

  it('says where keys are kept, warning when the store is weak', () => {
    const base = {
      provider: 'runway',
      configured: true,
      source: 'store' as const,
      envVariable: null,
      required: true,
    };
    expect(describeStorage([{ ...base, storage: 'os-keychain', weak: false, warning: null }]).text).toMatch(
      /keychain/,
    );
    const weak = describeStorage([{ ...base, storage: 'file', weak: true, warning: 'Kept unencrypted.' }]);
    expect(weak).toMatchObject({ weak: true });
    expect(weak.text.startsWith('Kept unencrypted.')).toBe(true);
  });
});
