import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamPeaks } from '../../../main/services/media/peaksStream';
import { ffmpegBinary, makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { makeTempDir } from '../../helpers/tempDir';

/** The reference: exact min/max per bucket read straight from a mono 16-bit WAV's PCM. */
async function wavPeaks(path: string, samplesPerBucket: number): Promise<{ min: number[]; max: number[] }> {
  const bytes = await readFile(path);
  const dataAt = bytes.indexOf('data') + 8;
  const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset + dataAt, bytes.byteOffset + bytes.length));
  const min: number[] = [];
  const max: number[] = [];
  for (let start = 0; start < pcm.length; start += samplesPerBucket) {
    const bucket = pcm.subarray(start, start + samplesPerBucket);
    min.push(Math.min(...bucket));
    max.push(Math.max(...bucket));
  }
  return { min, max };
}

describe('streamPeaks (ffmpeg PCM over a socket, min/max while streaming)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await makeTempDir('shotloom-peaks-');
  });
  afterAll(async () => dir.remove());

  it('gives exactly the peaks of the PCM for a mono 48 kHz WAV', async () => {
    const wav = await makeAudioFile(dir.path, { sampleRate: 48000, channels: 1, samples: 48000 * 2 + 123 });
    const streamed = await streamPeaks(wav, {
      ffmpegPath: ffmpegBinary(),
      sourceSampleRate: 48000,
      samplesPerBucket: 1536,
    });
    expect(streamed.samples).toBe(48000 * 2 + 123);
    expect(streamed.decodeRate).toBe(48000);
    const reference = await wavPeaks(wav, 1536);
    expect(Array.from(streamed.level.min)).toEqual(reference.min);
    expect(Array.from(streamed.level.max)).toEqual(reference.max);
    // The tone gets louder every half second: later buckets peak higher.
    expect(reference.max[60] ?? 0).toBeGreaterThan((reference.max[2] ?? 0) * 2);
  });

  it('reads the audio of a video clip at 44.1 kHz and refuses a clip without audio', async () => {
    const clip = await makeVideoClip(dir.path, { frames: 24, audio: { sampleRate: 44100, channels: 2 } });
    const streamed = await streamPeaks(clip, {
      ffmpegPath: ffmpegBinary(),
      sourceSampleRate: 44100,
      samplesPerBucket: 441,
      sampleCount: 44100,
    });
    expect(streamed.samples).toBe(44100);
    expect(streamed.level.max.length).toBe(100);
    const silent = await makeVideoClip(dir.path, { frames: 4, audio: false, name: 'silent.mp4' });
    await expect(
      streamPeaks(silent, { ffmpegPath: ffmpegBinary(), sourceSampleRate: 48000, samplesPerBucket: 480 }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/FFMPEG_FAILED|MEDIA_/) });
  });
});
