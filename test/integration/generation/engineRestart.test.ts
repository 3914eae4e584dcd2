import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunwayFake } from '../../helpers/fakeProviders/runwayFake';
import { makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

const apiKey = `key_${'fedcba9876543210'.repeat(8)}`;
const child = join(import.meta.dirname, 'fixtures', 'engineChild.ts');
const jiti = join(process.cwd(), 'node_modules', '.bin', 'jiti');

interface Line {
  started?: boolean;
  event?: string;
  state?: string;
  progress?: number | null;
  id?: string;
}

/** Starts the child engine; `until` resolves with the lines once a line matches (or rejects on exit). */
function startChild(args: string[]): {
  process: ChildProcess;
  lines: Line[];
  until: (match: (line: Line) => boolean, timeoutMs: number) => Promise<void>;
} {
  const proc = spawn(process.execPath, [jiti, child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const listeners = new Set<() => void>();
  let buffer = '';
  let stderr = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      lines.push(JSON.parse(buffer.slice(0, newline)) as Line);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    for (const listener of listeners) listener();
  });
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const until = (match: (line: Line) => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (lines.some(match)) done(resolve);
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`child timed out; stderr: ${stderr.slice(-2000)}`))),
        timeoutMs,
      );
      const onExit = (): void => {
        setTimeout(
          () =>
            lines.some(match)
              ? done(resolve)
              : done(() => reject(new Error(`child exited; stderr: ${stderr.slice(-2000)}`))),
          50,
        );
      };
      const done = (finish: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        proc.off('exit', onExit);
        finish();
      };
      listeners.add(check);
      proc.on('exit', onExit);
      check();
    });
  return { process: proc, lines, until };
}

describe('the job engine survives a SIGKILL in the middle of polling', () => {
  let fake: RunwayFake;
  let dir: { path: string; remove: () => Promise<void> };

  beforeAll(async () => {
    dir = await makeTempDir('shotloom-restart-');
    const clip = await makeVideoClip(dir.path, { frames: 24, audio: false });
    fake = await RunwayFake.start({ apiKey, outputFile: clip });
  });
  afterAll(async () => {
    await fake.close();
    await dir.remove();
  });

  it('resumes polling by task id in a new process: the job completes and the server saw one create', async () => {
    fake.scripts.push({ runningPolls: 12 });
    const dataDir = join(dir.path, 'data');
    const first = startChild([dataDir, fake.url, apiKey, 'submit']);
    await first.until(
      (line) => line.state === 'running' && typeof line.progress === 'number' && line.progress > 0,
      60_000,
    );
    const pollsBeforeKill = fake.server.count('GET', '/v1/tasks/:id');
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    expect(pollsBeforeKill).toBeGreaterThan(0);
    expect(fake.createCount).toBe(1);

    const journal = await readFile(join(dataDir, 'jobs', 'journal.jsonl'), 'utf8');
    expect(journal).toContain('"state":"running"');
    expect(journal).not.toContain(apiKey);

    const second = startChild([dataDir, fake.url, apiKey, 'resume']);
    await second.until((line) => line.event === 'job:finished', 60_000);
    const finished = second.lines.find((line) => line.event === 'job:finished');
    expect(finished).toMatchObject({ id: 'job_killed', state: 'succeeded' });
    expect(second.lines[0]).toMatchObject({ started: true, jobs: [{ id: 'job_killed', state: 'running' }] });
    expect(fake.createCount).toBe(1);
    expect(fake.taskCount).toBe(1);
    expect(fake.server.count('GET', '/v1/tasks/:id')).toBeGreaterThan(pollsBeforeKill);
    await new Promise((resolve) =>
      second.process.exitCode === null ? second.process.once('exit', resolve) : resolve(null),
    );
  });
});
