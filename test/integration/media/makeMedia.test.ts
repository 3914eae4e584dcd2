import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ffprobeBinary,
  makeAudioFile,
  makeImage,
  makeVideoClip,
  makeVfrClip,
  makeZeroLengthFile,
} from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

interface ProbeJson {
  streams: Array<Record<string, string | number | undefined>>;
}

function probe(path: string): Promise<ProbeJson> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobeBinary(),
      ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', `file:${path}`],
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as ProbeJson)),
    );
  });
}

describe('makeMedia (the test media helpers)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await makeTempDir('shotloom-makemedia-');
  });
  afterAll(async () => dir.remove());

  it('makes a 29.97 fps clip with an exact frame count and mono 44.1 kHz audio', async () => {
    const path = await makeVideoClip(dir.path, {
      rate: '30000/1001',
      frames: 30,
      audio: { sampleRate: 44100, channels: 1 },
    });
    const { streams } = await probe(path);
    const video = streams.find((stream) => stream.codec_type === 'video');
    const audio = streams.find((stream) => stream.codec_type === 'audio');
    expect(video?.r_frame_rate).toBe('30000/1001');
    expect(video?.nb_read_frames).toBe('30');
    expect(audio?.sample_rate).toBe('44100');
    expect(audio?.channels).toBe(1);
    // 30 frames at 30000/1001 fps last 1.001 s: 44144 samples at 44.1 kHz, none cut off.
    expect(audio?.duration_ts).toBe(44144);
  });

  it('makes hevc 10-bit and prores clips, audio, images, VFR and empty files', async () => {
    const hevc = await probe(await makeVideoClip(dir.path, { codec: 'hevc10', frames: 6, audio: false }));
    expect(hevc.streams).toHaveLength(1);
    expect(hevc.streams[0]?.pix_fmt).toBe('yuv420p10le');
    const prores = await probe(await makeVideoClip(dir.path, { codec: 'prores', frames: 4 }));
    expect(prores.streams[0]?.codec_name).toBe('prores');
    const wav = await probe(
      await makeAudioFile(dir.path, { samples: 12345, sampleRate: 44100, channels: 1 }),
    );
    expect(wav.streams[0]?.duration_ts).toBe(12345);
    const png = await probe(await makeImage(dir.path, { width: 321, height: 241 }));
    const odd = await probe(
      await makeVideoClip(dir.path, { width: 321, height: 241, frames: 2, audio: false }),
    );
    expect([odd.streams[0]?.width, odd.streams[0]?.height]).toEqual([321, 241]);
    expect([png.streams[0]?.width, png.streams[0]?.height]).toEqual([321, 241]);
    const vfr = await probe(await makeVfrClip(dir.path));
    expect(vfr.streams[0]?.nb_read_frames).toBe('27');
    expect(vfr.streams[0]?.avg_frame_rate).not.toBe(vfr.streams[0]?.r_frame_rate);
    expect((await stat(await makeZeroLengthFile(dir.path))).size).toBe(0);
  });

  it('makes a flat colour clip with the frames and size asked for', async () => {
    const path = await makeVideoClip(dir.path, {
      name: 'colour.mp4',
      source: 'color',
      width: 160,
      height: 90,
      frames: 5,
      audio: false,
    });
    const { streams } = await probe(path);
    expect(streams).toHaveLength(1);
    expect([streams[0]?.width, streams[0]?.height, streams[0]?.nb_read_frames]).toEqual([160, 90, '5']);
  });
});
