import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Project, Track } from '../../../common/model';
import { renderSequence } from '../../../main/services/render/renderSequence';
import { makeTempDir } from '../../helpers/tempDir';
import { assetFor, clip, countStreams, ffmpegPath, projectWith, renderRequest } from './renderFixtures';

const run = promisify(execFile);
let dir: { path: string; remove: () => Promise<void> };
const assets: Record<string, Asset> = {};

/** A solid-colour clip (and a tone, or no sound), 24 fps. */
async function solid(name: string, color: string, size: string, seconds: number, tone: number | null) {
  const path = join(dir.path, `${name}.mp4`);
  const args = ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${color}:s=${size}:r=24:d=${seconds}`];
  if (tone) args.push('-f', 'lavfi', '-i', `sine=f=${tone}:r=48000:d=${seconds}`);
  args.push('-map', '0:v', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p');
  if (tone) args.push('-map', '1:a', '-c:a', 'aac', '-ac', '2');
  await run(ffmpegPath, [...args, '-y', path]);
  return path;
}

/** The RGB colour of one pixel of output frame `frame`. */
async function pixel(path: string, frame: number, x: number, y: number): Promise<number[]> {
  const { stdout } = await run(
    ffmpegPath,
    [
      '-v',
      'error',
      '-i',
      path,
      '-vf',
      `select=eq(n\\,${frame}),format=rgb24,crop=1:1:${x}:${y}`,
      '-frames:v',
      '1',
    ].concat(['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']),
    { encoding: 'buffer' },
  );
  return [...(stdout as Buffer)];
}

/** The loudest sample (of 32767) in each of the given frame ranges of the output's sound. */
async function peaks(path: string, ranges: Array<[number, number]>): Promise<number[]> {
  const { stdout } = await run(
    ffmpegPath,
    ['-v', 'error', '-i', path, '-vn', '-ac', '1', '-ar', '48000', '-f', 's16le', '-'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const samples = new Int16Array(
    (stdout as Buffer).buffer,
    (stdout as Buffer).byteOffset,
    (stdout as Buffer).length / 2,
  );
  return ranges.map(([from, to]) => {
    let loudest = 0;
    for (let index = from * 2000 + 200; index < to * 2000 - 200; index += 1)
      loudest = Math.max(loudest, Math.abs(samples[index] ?? 0));
    return loudest;
  });
}

/** Each channel within `tolerance` of the expected colour (YUV 4:2:0 round trips move it a little). */
function near(actual: number[], expected: number[], tolerance = 40): void {
  const off = actual.some((value, index) => Math.abs(value - (expected[index] ?? 0)) > tolerance);
  expect(off ? actual : expected).toEqual(expected);
}

function layered(hideTrack2 = false): { project: Project; sequenceId: string } {
  const built = projectWith(Object.values(assets), [clip('base', 'blue', 48)]);
  const sequence = built.project.sequences[built.sequenceId]!;
  const upper = (id: string, name: string, items: Track['items'], muted = false): Track => ({
    id,
    kind: 'video',
    name,
    role: 'picture',
    items,
    muted,
    solo: false,
    locked: false,
    heightPx: 56,
  });
  sequence.videoTracks.push(
    upper('v2', 'V2', [{ type: 'gap', id: 'g1', durationFrames: 12 }, clip('square', 'red', 24)], hideTrack2),
    upper('v3', 'V3', [
      { type: 'gap', id: 'g2', durationFrames: 30 },
      clip('logo', 'logo', 12, { opacity: 0.5 }),
    ]),
  );
  return built;
}

beforeAll(async () => {
  dir = await makeTempDir('shotloom-layers-');
  const logo = join(dir.path, 'logo.png');
  await run(ffmpegPath, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    // A yellow box on a transparent picture (geq writes the alpha; drawbox does not).
    "color=c=black:s=320x180,format=rgba,geq=r=255:g=255:b=0:a='if(between(X\\,140\\,179)*between(Y\\,70\\,109)\\,255\\,0)'",
    '-frames:v',
    '1',
    '-y',
    logo,
  ]);
  const made = {
    blue: await solid('blue', 'blue', '320x180', 2, null),
    red: await solid('red', 'red', '180x180', 1, 880),
    logo,
  };
  for (const [id, path] of Object.entries(made)) assets[id] = await assetFor(path, id);
});

afterAll(async () => {
  await dir?.remove();
});

/** Exports the sequence with the default H.264 preset into exports/<name>.mp4. */
async function exportAs(project: Project, sequenceId: string, name: string) {
  const outputPath = join(dir.path, 'exports', `${name}.mp4`);
  const outcome = await renderSequence(
    renderRequest({ project, sequenceId, outputPath, cacheDir: join(dir.path, 'cache') }),
  );
  return { outcome, outputPath };
}

describe('export with clips on upper video tracks', () => {
  it('lays them over the picture below: bars of a fitted clip and opacity let it through, their sound is mixed', async () => {
    const { project, sequenceId } = layered();
    const { outcome, outputPath } = await exportAs(project, sequenceId, 'layers');
    expect(outcome.verification.ok).toBe(true);
    const counts = await countStreams(outputPath);
    expect(counts.videoFrames).toBe(48);
    expect(outcome.plan.segments.map((segment) => [segment.startFrame, segment.durationFrames])).toEqual([
      [0, 12],
      [12, 18],
      [30, 6],
      [36, 6],
      [42, 6],
    ]);
    expect(outcome.plan.segments[1]?.reason).toContain('upper video track');
    expect(outcome.plan.assetIds).toEqual(['blue', 'logo', 'red']);

    const blue = [0, 0, 255];
    near(await pixel(outputPath, 5, 160, 90), blue);
    near(await pixel(outputPath, 20, 160, 90), [255, 0, 0]); // the square on V2
    near(await pixel(outputPath, 20, 20, 90), blue); // its transparent bars
    near(await pixel(outputPath, 32, 160, 90), [255, 128, 0], 50); // half-opaque yellow over red
    near(await pixel(outputPath, 32, 20, 20), blue); // the logo is transparent around its box
    near(await pixel(outputPath, 40, 160, 90), [128, 128, 128], 50); // half yellow over blue
    near(await pixel(outputPath, 45, 160, 90), blue);

    // The base has no sound; the square's tone is heard only while it is on screen.
    const [before, during, after] = await peaks(outputPath, [
      [0, 12],
      [12, 36],
      [36, 48],
    ]);
    expect(before).toBe(0);
    expect(during).toBeGreaterThan(3000);
    expect(after).toBe(0);
  });

  it('follows opacity keyframes on the lowest track (over black) and on an upper one (over the picture)', async () => {
    const built = projectWith(Object.values(assets), [
      clip('base', 'blue', 48, {
        opacityKeyframes: [
          { frame: 0, value: 0 },
          { frame: 24, value: 1 },
        ],
      }),
    ]);
    const sequence = built.project.sequences[built.sequenceId]!;
    sequence.videoTracks.push({
      id: 'v2',
      kind: 'video',
      name: 'V2',
      role: 'picture',
      items: [
        { type: 'gap', id: 'g1', durationFrames: 24 },
        clip('square', 'red', 24, {
          opacityKeyframes: [
            { frame: 0, value: 1 },
            { frame: 12, value: 0 },
          ],
        }),
      ],
      muted: false,
      solo: false,
      locked: false,
      heightPx: 56,
    });
    const { outcome, outputPath } = await exportAs(built.project, built.sequenceId, 'keyframes');
    expect(outcome.verification.ok).toBe(true);
    near(await pixel(outputPath, 0, 160, 90), [0, 0, 0]);
    near(await pixel(outputPath, 12, 160, 90), [0, 0, 128]); // half way up from black
    near(await pixel(outputPath, 24, 160, 90), [255, 0, 0]); // the square, fully opaque
    near(await pixel(outputPath, 30, 160, 90), [128, 0, 128]); // half way out over blue
    near(await pixel(outputPath, 30, 20, 90), [0, 0, 255]);
    near(await pixel(outputPath, 40, 160, 90), [0, 0, 255]);
  });

  it('leaves out a hidden track', async () => {
    const { project, sequenceId } = layered(true);
    const { outcome, outputPath } = await exportAs(project, sequenceId, 'hidden');
    expect(outcome.verification.ok).toBe(true);
    near(await pixel(outputPath, 20, 160, 90), [0, 0, 255]);
    expect(outcome.plan.assetIds).toEqual(['blue', 'logo']);
  });
});
