// One measured task of bench/media.mjs in a fresh Node process: prints one JSON line with the task's
// wall time (Node start-up excluded) and this process's own peak RSS (ffmpeg children excluded).
// Usage: node bench/mediaWorker.mjs <engine.mjs> <task> <json arguments>
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MPEGDecoder } from 'mpg123-decoder';

const [enginePath, task, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? '{}');
const engine = await import(enginePath);
const samplesPerBucket = 1536; // 31.25 buckets per second at 48 kHz

/** Naive peer helper: min/max per bucket over Float32 channel arrays held whole in memory. */
function peaksOfChannels(channels) {
  const length = channels[0].length;
  const buckets = Math.ceil(length / samplesPerBucket);
  const min = new Float32Array(buckets);
  const max = new Float32Array(buckets);
  for (let bucket = 0; bucket < buckets; bucket += 1) {
    let low = 1;
    let high = -1;
    const end = Math.min(length, (bucket + 1) * samplesPerBucket);
    for (let index = bucket * samplesPerBucket; index < end; index += 1) {
      let sum = 0;
      for (const channel of channels) sum += channel[index];
      const value = sum / channels.length;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    min[bucket] = low;
    max[bucket] = high;
  }
  return { min, max };
}

function ffmpegToMemory(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'ffmpeg',
      ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '2', '-ar', '48000', '-'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg ${code}`)),
    );
  });
}

function splitStereo(bytes) {
  const interleaved = new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
  const frames = interleaved.length / 2;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let index = 0; index < frames; index += 1) {
    left[index] = interleaved[index * 2];
    right[index] = interleaved[index * 2 + 1];
  }
  return [left, right];
}

/** What decodeAudioData gives for a 16-bit WAV: one Float32Array per channel of the whole file. */
function decodeWav(bytes) {
  const channels = bytes.readUInt16LE(22);
  let offset = 12;
  while (offset < bytes.length && bytes.toString('latin1', offset, offset + 4) !== 'data')
    offset += 8 + bytes.readUInt32LE(offset + 4);
  const start = offset + 8;
  const frames = Math.floor((bytes.length - start) / 2 / channels);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame += 1)
    for (let channel = 0; channel < channels; channel += 1)
      out[channel][frame] = bytes.readInt16LE(start + (frame * channels + channel) * 2) / 32768;
  return out;
}

const thumbAsset = (name) => ({ kind: 'video', name, media: { video: {} } });

const tasks = {
  async 'peaks-ours'() {
    // The facts come from the import (probed once, cached); the service picks its strategy from them.
    const result = await engine.computePeaks(
      args.file,
      args.media,
      samplesPerBucket,
      'ffmpeg',
      new AbortController().signal,
    );
    return { buckets: result.level.min.length };
  },
  async 'probe-facts'() {
    return { media: (await engine.probeMedia(args.file, { ffprobePath: 'ffprobe' })).facts };
  },
  async 'peaks-naive-ffmpeg-buffered'() {
    const { min } = peaksOfChannels(splitStereo(await ffmpegToMemory(args.file)));
    return { buckets: min.length };
  },
  async 'peaks-naive-mp3-decode'() {
    // What a renderer without server-side peaks does: the whole file decoded in JavaScript (mpg123
    // compiled to WebAssembly, as decodeAudioData would), then min/max over the channel arrays.
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const { channelData } = decoder.decode(new Uint8Array(await readFile(args.file)));
    decoder.free();
    const { min } = peaksOfChannels(channelData);
    return { buckets: min.length };
  },
  async 'peaks-naive-wav-decode'() {
    const { min } = peaksOfChannels(decodeWav(await readFile(args.file)));
    return { buckets: min.length };
  },
  async 'probe-parallel'() {
    const files = (await readdir(args.dir)).map((name) => join(args.dir, name));
    const probed = await engine.mapWithLimit(files, 4, (file) =>
      engine.probeMedia(file, { ffprobePath: 'ffprobe' }),
    );
    return { files: probed.length };
  },
  async 'probe-sequential'() {
    const files = (await readdir(args.dir)).map((name) => join(args.dir, name));
    for (const file of files) await engine.probeMedia(file, { ffprobePath: 'ffprobe' });
    return { files: files.length };
  },
  async 'thumbs-ours'() {
    const files = (await readdir(args.dir)).map((name) => join(args.dir, name));
    await mkdir(args.out, { recursive: true });
    const queue = new engine.BackgroundQueue(2);
    await Promise.all(
      files.map((file, index) =>
        queue.run(file, (signal) =>
          engine.produceFile(
            join(args.out, `thumb-${index}.jpg`),
            'ffmpeg',
            (temporary) => engine.thumbnailInvocation(thumbAsset(file), file, temporary),
            signal,
          ),
        ),
      ),
    );
    return { thumbnails: files.length };
  },
  async 'thumbs-naive-seek'() {
    const files = (await readdir(args.dir)).map((name) => join(args.dir, name));
    await mkdir(args.out, { recursive: true });
    for (const [index, file] of files.entries()) {
      await new Promise((resolve, reject) => {
        const child = spawn('ffmpeg', [
          '-v',
          'error',
          '-y',
          '-ss',
          '2.5',
          '-i',
          file,
          '-frames:v',
          '1',
          '-vf',
          'scale=320:-2',
          join(args.out, `naive-${index}.jpg`),
        ]);
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}`))));
      });
    }
    return { thumbnails: files.length };
  },
  async 'filmstrip-ours'() {
    const frames = engine.filmstripFrames(args.frameCount, 10);
    const asset = thumbAsset(args.file);
    await engine.produceFile(join(args.out, 'strip.jpg'), 'ffmpeg', (temporary) =>
      engine.filmstripInvocation(asset, args.file, temporary, frames, 108),
    );
    return { frames: frames.length };
  },
  async 'filmstrip-naive-seeks'() {
    for (let index = 0; index < 10; index += 1) {
      await new Promise((resolve, reject) => {
        const at = ((index * args.seconds) / 10).toFixed(3);
        const child = spawn('ffmpeg', [
          '-v',
          'error',
          '-y',
          '-ss',
          at,
          '-i',
          args.file,
          '-frames:v',
          '1',
          '-vf',
          'scale=-2:108',
          join(args.out, `seek-${index}.jpg`),
        ]);
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}`))));
      });
    }
    return { frames: 10 };
  },
};

// The app is a long-lived process: fluent-ffmpeg's one-time capability check (several ffmpeg
// runs) has happened long before a waveform is asked for. Do it here, untimed, for every task.
await engine.runFfmpeg(
  {
    inputs: [{ path: 'anullsrc=r=8000', options: ['-f', 'lavfi'] }],
    globalOptions: [],
    filterComplex: null,
    outputs: [{ path: '-', options: ['-t', '0.01', '-f', 'null'] }],
  },
  { ffmpegPath: 'ffmpeg' },
);
const started = process.hrtime.bigint();
const detail = await tasks[task]();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...detail })}\n`,
);
