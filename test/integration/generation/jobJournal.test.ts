import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobJournal } from '../../../main/services/jobs/jobJournal';
import { newJobRecord, type JobRecord } from '../../../main/services/jobs/jobRecord';
import { testRequest } from '../../helpers/fakeProviders/adapterContext';
import { makeTempDir } from '../../helpers/tempDir';

function job(id: string, patch: Partial<JobRecord> = {}): JobRecord {
  return {
    ...newJobRecord(
      {
        id,
        request: testRequest(),
        shotId: 's',
        takeId: `t_${id}`,
        projectFolder: '/p',
        estimatedCostCents: 0,
      },
      '2026-11-24T10:00:00.000Z',
    ),
    ...patch,
  };
}

describe('JobJournal', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  beforeEach(async () => {
    dir = await makeTempDir('shotloom-journal-');
    file = join(dir.path, 'jobs', 'journal.jsonl');
  });
  afterEach(async () => dir.remove());

  it('keeps the last snapshot per job, ignores a torn last line, and is private (0600)', async () => {
    const journal = new JobJournal(file);
    await journal.load();
    await journal.write(job('a'));
    await journal.write(job('a', { state: 'submitting', sentAt: '2026-11-24T10:00:01.000Z' }));
    await journal.write(job('b'));
    await journal.write(job('a', { state: 'running', taskId: 'task-1' }));
    await journal.close();
    await appendFile(file, '{"v":1,"job":{"id":"a","state":"succ');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const reopened = await new JobJournal(file).load();
    const byId = new Map(reopened.map((entry) => [entry.id, entry]));
    expect(byId.get('a')).toMatchObject({ state: 'running', taskId: 'task-1' });
    expect(byId.get('b')?.state).toBe('queued');
  });

  it('compacts superseded lines, keeping unfinished and uncertain jobs and the newest finished ones', async () => {
    const journal = new JobJournal(file, { keepFinished: 2, compactAfterLines: 10 });
    await journal.load();
    for (let index = 0; index < 5; index += 1) {
      await journal.write(
        job(`done${index}`, { state: 'succeeded', updatedAt: `2026-11-24T10:00:0${index}.000Z` }),
      );
    }
    await journal.write(job('open', { state: 'running', taskId: 'x' }));
    await journal.write(job('maybe', { state: 'uncertain' }));
    for (let index = 0; index < 6; index += 1)
      await journal.write(job('open', { state: 'running', taskId: 'x', progress: index / 10 }));
    await journal.close();

    const compacted = new JobJournal(file, { keepFinished: 2, compactAfterLines: 10 });
    const jobs = await compacted.load();
    expect(jobs.map((entry) => entry.id).sort()).toEqual(['done3', 'done4', 'maybe', 'open']);
    expect(jobs.find((entry) => entry.id === 'open')?.progress).toBe(0.5);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(4);
  });
});
