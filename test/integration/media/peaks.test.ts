import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamPeaks, streamPeaksInParts } from '../../../main/services/media/peaksStream';
import { streamWavPeaks, wavPcmLayout } from '../../../main/services/media/wavPeaks';
import { ffmpegBinary, makeAudioFile, makeVideoClip } from '../../helpers/makeMedia';
import { referencePeaks } from '../../helpers/referencePeaks';
import { makeTempDir } from '../../helpers/tempDir';

/** The reference: exact min/max per bucket read straight from a mono 16-bit WAV's PCM. */
async function wavPeaks(path: string, samplesPerBucket: number): Promise<{ min: number[]; max: number[] }> {
  const bytes = await readFile(path);
  const dataAt = bytes.indexOf('data') + 8;
  const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset + dataAt, bytes.byteOffset + bytes.length));
  return referencePeaks(pcm, samplesPerBucket);
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

  it('reads 16-bit WAV PCM directly, the same peaks as ffmpeg gives', async () => {
    const mono = await makeAudioFile(dir.path, {
      sampleRate: 44100,
      channels: 1,
      samples: 44100 + 77,
      name: 'mono.wav',
    });
    const layout = await wavPcmLayout(mono);
    expect(layout).toMatchObject({ channels: 1, sampleRate: 44100, dataBytes: (44100 + 77) * 2 });
    const direct = await streamWavPeaks(mono, layout!, 441);
    const reference = await wavPeaks(mono, 441);
    expect(direct.samples).toBe(44100 + 77);
    expect(Array.from(direct.level.max)).toEqual(reference.max);
    expect(Array.from(direct.level.min)).toEqual(reference.min);
    const stereo = await makeAudioFile(dir.path, {
      sampleRate: 48000,
      channels: 2,
      seconds: 1,
      name: 'stereo.wav',
    });
    const fromPcm = await streamWavPeaks(stereo, (await wavPcmLayout(stereo))!, 480);
    const fromFfmpeg = await streamPeaks(stereo, {
      ffmpegPath: ffmpegBinary(),
      sourceSampleRate: 48000,
      samplesPerBucket: 480,
    });
    expect(fromPcm.level.max.length).toBe(100);
    fromPcm.level.max.forEach((value, index) =>
      expect(Math.abs(value - (fromFfmpeg.level.max[index] ?? 0))).toBeLessThanOrEqual(2),
    );
    expect(await wavPcmLayout(await makeAudioFile(dir.path, { format: 'mp3', name: 'x.mp3' }))).toBeNull();
  });

  it('decodes a long track in two parts at once and joins them at a bucket boundary', async () => {
    const wav = await makeAudioFile(dir.path, {
      sampleRate: 48000,
      channels: 1,
      samples: 48000 * 3 + 5,
      name: 'long.wav',
    });
    const options = { ffmpegPath: ffmpegBinary(), sourceSampleRate: 48000, samplesPerBucket: 1536 };
    const whole = await streamPeaks(wav, { ...options, sampleCount: 48000 * 3 + 5 });
    const parts = await streamPeaksInParts(wav, { ...options, sampleCount: 48000 * 3 + 5, segments: 2 });
    expect(parts.samples).toBe(whole.samples);
    expect(Array.from(parts.level.max)).toEqual(Array.from(whole.level.max));
    expect(Array.from(parts.level.min)).toEqual(Array.from(whole.level.min));
    const mp3 = await makeAudioFile(dir.path, {
      format: 'mp3',
      sampleRate: 48000,
      seconds: 4,
      name: 'long.mp3',
    });
    const mp3Whole = await streamPeaks(mp3, { ...options, sampleCount: 48000 * 4 });
    const mp3Parts = await streamPeaksInParts(mp3, { ...options, sampleCount: 48000 * 4, segments: 2 });
    expect(mp3Parts.level.max.length).toBe(mp3Whole.level.max.length);
    const worst = Math.max(
      ...Array.from(mp3Parts.level.max, (value, index) => Math.abs(value - (mp3Whole.level.max[index] ?? 0))),
    );
    expect(worst / 32768).toBeLessThan(0.02); // MP3 frames after a seek decode within 2 % of full scale
  });
});
