// One measured operation of bench/export.mjs, in its own process so that /usr/bin/time reports the
// peak memory of the largest process (this Node process or one of its ffmpeg children).
// Usage: node bench/exportWorker.mjs <engine.mjs> <job.json>; prints one JSON line.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [enginePath, jobPath] = process.argv.slice(2);
const engine = await import(pathToFileURL(enginePath).href);
const job = JSON.parse(await readFile(jobPath, 'utf8'));

async function run() {
  if (job.op === 'editReady') {
    const started = Date.now();
    const queue = [...job.assets];
    const worker = async () => {
      for (let asset = queue.shift(); asset; asset = queue.shift()) {
        await engine.ensureEditReady(asset, asset.path, job.cacheDir, {
          ffmpegPath: 'ffmpeg',
          ffprobePath: 'ffprobe',
        });
      }
    };
    await Promise.all([worker(), worker()]);
    return { ms: Date.now() - started };
  }
  const project = JSON.parse(await readFile(job.projectFile, 'utf8'));
  const results = [];
  for (let round = 0; round < (job.repeat ?? 1); round += 1) {
    const outcome = await engine.renderSequence({
      project,
      resolveAssetPath: (path) => path,
      cacheDir: job.cacheDir,
      sequenceId: job.sequenceId,
      presetId: job.presetId ?? 'h264-sequence',
      smart: job.smart ?? 'auto',
      outputPath: job.outputPath,
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
    });
    results.push({
      ms: outcome.timings.totalMs,
      timings: outcome.timings,
      mode: outcome.plan.mode,
      copied: outcome.plan.segments.filter((segment) => segment.path === 'copy').length,
      encoded: outcome.plan.segments.filter((segment) => segment.path === 'encode').length,
      frames: outcome.verification.counts.videoFrames,
      expectedFrames: outcome.plan.output.frameCount,
      verified: outcome.verification.ok,
    });
  }
  return { runs: results };
}

run().then(
  (result) => process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`),
  (error) => {
    process.stdout.write(
      `${JSON.stringify({ ok: false, code: error.code, message: error.message, detail: error.detail })}\n`,
    );
    process.exitCode = 1;
  },
);
