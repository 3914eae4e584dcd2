import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/contract';
import type { Asset } from '../../../common/model';
import { PidRegistry } from '../../../main/ffmpeg/pidRegistry';
import { renderSequence, type RenderRequest } from '../../../main/services/render/renderSequence';
import { verifyOutput } from '../../../main/services/render/verifyOutput';
import { makeTempDir } from '../../helpers/tempDir';
import {
  assetFor,
  clip,
  ffmpegPath,
  ffprobePath,
  makeClip,
  makeStill,
  projectWith,
  renderRequest,
} from './renderFixtures';

const run = promisify(execFile);
let dir: { path: string; remove: () => Promise<void> };
let clipAsset: Asset;
let stillAsset: Asset;

beforeAll(async () => {
  dir = await makeTempDir('shotloom-render-faults-');
  clipAsset = await assetFor(await makeClip(dir.path, 'a', { seconds: 2, width: 640, height: 360 }), 'a');
  stillAsset = await assetFor(await makeStill(dir.path, 'still'), 'still');
});

afterAll(async () => {
  await dir.remove();
});

function request(
  project: RenderRequest['project'],
  sequenceId: string,
  outputPath: string,
  extra: Partial<RenderRequest> = {},
): RenderRequest {
  return renderRequest({ project, sequenceId, outputPath, cacheDir: join(dir.path, 'cache'), ...extra });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('export faults leave nothing behind', () => {
  it('cancel at about 30 % stops ffmpeg and leaves no file', async () => {
    const out = join(dir.path, 'cancel');
    await mkdir(out);
    // 20 s of 1280x720 from a looped still: long enough to cancel mid-way.
    const { project, sequenceId } = projectWith(
      [stillAsset],
      [clip('s1', 'still', 480), clip('s2', 'still', 480)],
      { width: 1280, height: 720 },
    );
    const controller = new AbortController();
    let seen = 0;
    const error = await caught(
      renderSequence(
        request(project, sequenceId, join(out, 'cut.mp4'), {
          signal: controller.signal,
          concurrency: 1,
          onProgress: (fraction) => {
            seen = Math.max(seen, fraction);
            if (fraction >= 0.3) controller.abort();
          },
        }),
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(seen).toBeGreaterThanOrEqual(0.3);
    expect(seen).toBeLessThan(0.9);
    expect(await readdir(out)).toEqual([]);
  });

  it('a damaged source gives MEDIA_CORRUPT and no partial output', async () => {
    const out = join(dir.path, 'corrupt');
    await mkdir(out);
    const damaged = join(dir.path, 'damaged.mp4');
    await copyFile(clipAsset.path, damaged);
    await truncate(damaged, Math.floor((await stat(damaged)).size / 3));
    const asset = { ...clipAsset, id: 'damaged', path: damaged };
    const { project, sequenceId } = projectWith([asset], [clip('d1', 'damaged', 24)], {
      width: 640,
      height: 360,
    });
    const error = await caught(
      renderSequence(request(project, sequenceId, join(out, 'cut.mp4'), { smart: 'forceEncode' })),
    );
    expect(error.code).toBe('MEDIA_CORRUPT');
    expect(error.detail ?? '').toMatch(/moov|Invalid data/);
    expect(await readdir(out)).toEqual([]);
  });

  it('a full disk gives DISK_FULL and no partial output', async () => {
    const small = join(dir.path, 'small');
    await mkdir(small);
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', small]);
    } catch (mountError) {
      // Without the right to mount, the disk-full path cannot be produced here: say so loudly.
      console.warn(`SKIPPED full-disk check: cannot mount a tiny tmpfs (${String(mountError)})`);
      return;
    }
    try {
      const { project, sequenceId } = projectWith([clipAsset], [clip('c1', 'a', 48)], {
        width: 640,
        height: 360,
      });
      const error = await caught(
        renderSequence(request(project, sequenceId, join(small, 'cut.mp4'), { smart: 'forceEncode' })),
      );
      expect(error.code).toBe('DISK_FULL');
      expect(await readdir(small)).toEqual([]);
    } finally {
      await run('umount', [small]);
    }
  });

  it('verification refuses a file whose counts differ from the plan', async () => {
    const { project, sequenceId } = projectWith([clipAsset], [clip('c1', 'a', 12)], {
      width: 640,
      height: 360,
    });
    const outcome = await renderSequence(request(project, sequenceId, join(dir.path, 'verify.mp4')));
    expect(outcome.verification.ok).toBe(true);
    const longer = {
      ...outcome.plan,
      output: { ...outcome.plan.output, frameCount: 13, durationUs: 541_667 },
    };
    const checked = await verifyOutput(longer, outcome.outputPath, ffprobePath);
    expect(checked.ok).toBe(false);
    expect(checked.problems.join(' ')).toContain('12 video frames, expected 13');
    const silent = { ...outcome.plan, output: { ...outcome.plan.output, durationUs: 2_000_000 } };
    expect((await verifyOutput(silent, outcome.outputPath, ffprobePath)).problems.join(' ')).toMatch(
      /video lasts/,
    );
  });

  it('a missing source gives MEDIA_MISSING before anything runs', async () => {
    const asset = { ...clipAsset, id: 'gone', path: join(dir.path, 'gone.mp4') };
    const { project, sequenceId } = projectWith([asset], [clip('g1', 'gone', 24)]);
    const error = await caught(renderSequence(request(project, sequenceId, join(dir.path, 'gone-out.mp4'))));
    expect(error.code).toBe('MEDIA_MISSING');
  });

  it('ffmpeg children left by a crashed process are ended at the next start', async () => {
    const dataDir = join(dir.path, 'data');
    const marker = join(dir.path, 'orphan-output.mkv');
    // A stand-in for a crashed app: a shell that starts a long ffmpeg, registers it, and exits.
    const child = spawn(
      ffmpegPath,
      ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=64x64:r=5', '-f', 'matroska', '-y', marker],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    child.unref();
    const pid = child.pid ?? 0;
    const registry = new PidRegistry(dataDir);
    await registry.add(pid, marker);
    // The owner recorded is this test process, which is alive: nothing is touched.
    expect(await registry.reapOrphans()).toEqual([]);
    // Pretend the owner died: rewrite the entry with a pid that cannot exist.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      join(dataDir, 'ffmpeg-pids', `${pid}.json`),
      JSON.stringify({ pid, ownerPid: 2 ** 22 + 12345, startedAt: '', marker }),
    );
    const ended = await new PidRegistry(dataDir).reapOrphans();
    expect(ended).toEqual([pid]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await readdir(join(dataDir, 'ffmpeg-pids'))).toEqual([]);
  });
});
