import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4VideoHeaderHash } from '../../../main/services/render/mp4SampleHeader';
import { probeMedia } from '../../../main/ffmpeg/ffprobe';
import { copyAs, ffprobeBinary, makeVideoClip, runFfmpegForTest } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await makeTempDir('shotloom-mp4-header-');
});
afterAll(async () => {
  await dir.remove();
});

describe('the video header hash read from the MP4 itself', () => {
  it("equals ffprobe's extradata hash for H.264 and HEVC, moov first or last, MP4 and MOV", async () => {
    const h264 = await makeVideoClip(dir.path, { name: 'h264.mp4', frames: 12, audio: {} });
    const hevc = await makeVideoClip(dir.path, { name: 'hevc.mp4', frames: 12, codec: 'hevc10' });
    const faststart = join(dir.path, 'faststart.mp4');
    await runFfmpegForTest(['-i', h264, '-c', 'copy', '-movflags', '+faststart', faststart]);
    const mov = join(dir.path, 'h264.mov');
    await runFfmpegForTest(['-i', h264, '-c', 'copy', mov]);
    for (const path of [h264, hevc, faststart, mov]) {
      const expected = (await probeMedia(path, { ffprobePath: ffprobeBinary() })).facts.video?.extradataHash;
      expect(expected).toMatch(/^[0-9a-f]{64}$/);
      expect(await mp4VideoHeaderHash(path)).toBe(expected);
    }
  });

  it('is null for a file that is not an MP4 with an H.264/HEVC track, or is cut off', async () => {
    const prores = await makeVideoClip(dir.path, { name: 'prores.mov', frames: 6, codec: 'prores' });
    expect(await mp4VideoHeaderHash(prores)).toBeNull();
    const text = join(dir.path, 'notes.mp4');
    await writeFile(text, 'not a movie at all');
    expect(await mp4VideoHeaderHash(text)).toBeNull();
    const cut = await copyAs(
      await makeVideoClip(dir.path, { name: 'cut.mp4', frames: 12 }),
      dir.path,
      'cut-copy.mp4',
    );
    await truncate(cut, 2000);
    expect(await mp4VideoHeaderHash(cut)).toBeNull();
  });
});
