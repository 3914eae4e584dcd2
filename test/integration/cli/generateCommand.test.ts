import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/createCore';
import { RunwayFake } from '../../helpers/fakeProviders/runwayFake';
import { makeVideoClip } from '../../helpers/makeMedia';
import { runCliCapture } from '../../helpers/runCliCapture';
import { makeTempDir } from '../../helpers/tempDir';

const goodKey = `key_${'a1'.repeat(64)}`;
const wrongKey = `key_${'0f'.repeat(64)}`;

describe('shotloom generate', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let project: string;
  let runway: RunwayFake;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = await makeTempDir('shotloom-generate-');
    process.env.SHOTLOOM_DATA_DIR = join(dir.path, 'data');
    runway = await RunwayFake.start({
      apiKey: goodKey,
      outputFile: await makeVideoClip(dir.path, { name: 'out.mp4', width: 320, height: 180, frames: 24 }),
    });
    project = join(dir.path, 'Gen film');
    const core = await createCore({ host: 'cli', dataDir: join(dir.path, 'data') });
    await core.projects.create(project, { name: 'Gen film', width: 320, height: 180 });
    for (const [id, model] of [
      ['previz', { provider: 'animatic', model: 'animatic' }],
      ['hero', { provider: 'runway', model: 'gen4.5' }],
    ] as const) {
      const result = await core.invoke(
        'project:edit',
        {
          command: {
            type: 'createShot',
            id,
            fields: {
              name: id,
              prompt: 'A lighthouse in a storm, waves breaking',
              durationSeconds: 2,
              ratio: '16:9',
              model,
            },
          },
        },
        { host: 'cli' },
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    await core.projects.save();
    await core.dispose();
  });
  afterAll(async () => {
    process.env = saved;
    await runway.close();
    await dir.remove();
  });

  it('--dry-run prints the plan and the estimated cost without starting anything', async () => {
    const result = await runCliCapture([
      'generate',
      project,
      '--shots',
      'previz',
      '--takes',
      '2',
      '--dry-run',
      '--json',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.json()).toMatchObject({
      ok: true,
      value: {
        items: [expect.objectContaining({ shotId: 'previz', takes: 2, provider: 'animatic' })],
        totalCents: 0,
      },
    });
    const human = await runCliCapture(['generate', project, '--shots', 'previz', '--dry-run']);
    expect(human.stdout).toMatch(/previz: 1× animatic\/animatic/);
    expect(human.stdout).toMatch(/Total: \$0\.00/);
  });

  it('generates a take with the offline Animatic provider and records it in the project', async () => {
    const result = await runCliCapture(['generate', project, '--shots', 'previz', '--json']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const value = (result.json() as { value: { jobs: Array<{ state: string }> } }).value;
    expect(value.jobs.map((job) => job.state)).toEqual(['succeeded']);
    const document = JSON.parse(await readFile(join(project, 'project.shotloom'), 'utf8'));
    const take = document.takes[document.shots.previz.takeIds[0]];
    expect(take).toMatchObject({ status: 'succeeded', provider: 'animatic' });
    expect(document.assets[take.outputAssetId].kind).toBe('video');
  });

  it('bad arguments are exit 2: an unknown shot, a bad --takes', async () => {
    expect((await runCliCapture(['generate', project, '--shots', 'nope'])).code).toBe(2);
    expect((await runCliCapture(['generate', project, '--takes', '99'])).code).toBe(2);
  });

  it('a provider failure (a wrong key) is exit 3, with the provider error in --json', async () => {
    process.env.SHOTLOOM_RUNWAY_BASE_URL = runway.url;
    process.env.RUNWAYML_API_SECRET = wrongKey;
    const result = await runCliCapture(['generate', project, '--shots', 'hero', '--json']);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    const value = (
      result.json() as { value: { jobs: Array<{ state: string; error: { code: string } | null }> } }
    ).value;
    expect(value.jobs[0]).toMatchObject({ state: 'failed', error: { code: 'PROVIDER_AUTH' } });
    expect(result.stdout).not.toContain(wrongKey);
    expect(runway.createCount).toBe(1);
  });
});
