import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOtio } from '../../../common/interchange/otio/importOtio';
import { readDemoRecipe } from '../../../main/cli/demo/demoRecipe';
import { runCliCapture } from '../../helpers/runCliCapture';
import { makeTempDir } from '../../helpers/tempDir';

function probe(file: string): { videoFrames: number; audioSeconds: number; width: number; height: number } {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_packets',
    '-show_entries',
    'stream=codec_type,nb_read_packets,duration,width,height',
    '-of',
    'json',
    file,
  ]);
  const streams = (JSON.parse(String(out)) as { streams: Array<Record<string, string | number>> }).streams;
  const video = streams.find((stream) => stream.codec_type === 'video')!;
  const audio = streams.find((stream) => stream.codec_type === 'audio')!;
  return {
    videoFrames: Number(video.nb_read_packets),
    audioSeconds: Number(audio.duration),
    width: Number(video.width),
    height: Number(video.height),
  };
}

// The whole offline demo (what `npm run demo` runs), with no API key and no network.
describe('shotloom demo', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir('shotloom-demo-');
    process.env.SHOTLOOM_DATA_DIR = join(dir.path, 'data');
  });
  afterAll(async () => {
    delete process.env.SHOTLOOM_DATA_DIR;
    await dir.remove();
  });

  it('generates six Animatic takes, exports an MP4 of exactly the sequence length and an OTIO of the same cut', async () => {
    const recipe = await readDemoRecipe(join(process.cwd(), 'resources', 'demo', 'demo.json'));
    const out = join(dir.path, 'demo');
    const result = await runCliCapture(['demo', '--out', out, '--json']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const value = (
      result.json() as {
        value: {
          videoPath: string;
          otioPath: string;
          sequenceFrames: number;
          takes: number;
          seconds: number;
        };
      }
    ).value;
    expect(value.takes).toBe(recipe.shots.length);
    expect(value.sequenceFrames).toBe(recipe.shots.length * recipe.clipFrames);
    const media = probe(value.videoPath);
    expect(media).toMatchObject({
      videoFrames: value.sequenceFrames,
      width: recipe.width,
      height: recipe.height,
    });
    const seconds = (value.sequenceFrames * recipe.rate.den) / recipe.rate.num;
    expect(Math.abs(media.audioSeconds - seconds)).toBeLessThanOrEqual(recipe.rate.den / recipe.rate.num);
    expect(existsSync(join(out, 'demo.shots.json'))).toBe(true);

    const timeline = importOtio(await readFile(value.otioPath, 'utf8'));
    const v1 = timeline.videoTracks[0]!.items;
    expect(v1.filter((item) => item.type === 'clip')).toHaveLength(recipe.shots.length);
    expect(v1.filter((item) => item.type === 'transition')).toEqual([
      { type: 'transition', kind: 'dissolve', durationFrames: recipe.dissolveFrames },
    ]);
    const clip = v1.find((item) => item.type === 'clip');
    expect(clip && clip.type === 'clip' ? clip.metadata : {}).toMatchObject({
      provider: 'animatic',
      prompt: recipe.shots[0]!.prompt,
    });
    // The third shot continues from the second's last keyframe: one asset, referenced twice.
    const project = JSON.parse(await readFile(join(out, 'project', 'project.shotloom'), 'utf8'));
    const shots = project.shotOrder.map((id: string) => project.shots[id]);
    expect(shots[2].keyframes.first).toBe(shots[1].keyframes.last);
    expect(project.sequences[project.sequenceOrder[0]].ducking).toEqual({
      enabled: true,
      amountDb: recipe.duckingDb,
    });
  }, 300_000);
});
