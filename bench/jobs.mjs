// Job engine benchmark: 50 concurrent generation jobs through the real engine (journal fsyncs,
// per-provider slots, polling, streamed download, ffprobe verification) against a fake Runway server
// in another process, and a 1 GB output streamed to disk. Peers measured in the same run: the same
// 50 tasks driven by a bare fetch loop (no journal, no verification), and a download that buffers
// the whole body (`await response.arrayBuffer()`). Prints CPU time and peak memory per job, the
// ratios, and exits non-zero naming every missed target. Not part of npm test.
// Run: node bench/jobs.mjs [--quick]   (--quick: 256 MB instead of 1 GB)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './bundleEngine.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const jobs = 50;
const pollMs = 100;
const downloadBytes = (quick ? 256 : 1024) * 2 ** 20;
const naiveBytes = 256 * 2 ** 20;
const apiKey = `key_${'0123456789abcdef'.repeat(8)}`;
const work = await mkdtemp(join(tmpdir(), 'shotloom-bench-jobs-'));
const log = (line) => process.stdout.write(`${line}\n`);
const failures = [];

function target(name, ok, detail) {
  log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${detail}`);
  if (!ok) failures.push(name);
}

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(stdout)
        : reject(
            new Error(`${command} ${args.slice(0, 4).join(' ')} exited ${code}\n${stderr.slice(-2000)}`),
          ),
    );
  });
}

const enginePath = await bundleEngine('jobsEngine');
const worker = join(root, 'bench', 'jobsWorker.mjs');

/** Starts the fake server process; resolves with its URL and a stop() that returns its counts. */
async function startFake(args) {
  const child = spawn(process.execPath, [worker, enginePath, 'fake', JSON.stringify({ apiKey, ...args })], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = [];
  let buffer = '';
  const waiters = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      lines.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      waiters.shift()?.();
    }
  });
  const next = (count) =>
    new Promise((resolveLine) => (lines.length >= count ? resolveLine() : waiters.push(resolveLine)));
  await next(1);
  return {
    url: lines[0].url,
    stop: async () => {
      child.stdin.end();
      await next(2);
      return lines[1];
    },
  };
}

const measure = async (task, args) =>
  JSON.parse(
    (await run(process.execPath, [worker, enginePath, task, JSON.stringify(args)])).trim().split('\n').at(-1),
  );

log(`work folder ${work}`);
const outputFile = join(work, 'output.mp4');
await run('ffmpeg', [
  '-v',
  'error',
  '-y',
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=320x180:rate=24',
  '-frames:v',
  '24',
  '-pix_fmt',
  'yuv420p',
  outputFile,
]);

// ------------------------------------------------------------------ 50 concurrent jobs
const fakeA = await startFake({ outputFile, tasks: jobs, runningPolls: 3 });
const engineRun = await measure('engine', {
  apiKey,
  url: fakeA.url,
  jobs,
  pollMs,
  dir: join(work, 'engine'),
});
const countsA = await fakeA.stop();
const fakeB = await startFake({ outputFile, tasks: jobs, runningPolls: 3 });
const bareRun = await measure('bare', { apiKey, url: fakeB.url, jobs, pollMs, dir: join(work, 'bare') });
await fakeB.stop();

const perJob = (runResult) => runResult.cpuMs / runResult.jobs;
log('');
log(`50 concurrent jobs (poll every ${pollMs} ms, 5 polls each, 1 s 320x180 output):`);
log(
  `  engine: ${engineRun.succeeded}/${jobs} succeeded in ${(engineRun.wallMs / 1000).toFixed(1)} s; CPU ${engineRun.cpuMs.toFixed(0)} ms = ${perJob(engineRun).toFixed(1)} ms/job; peak RSS ${engineRun.peakRssMb.toFixed(0)} MB (${((engineRun.peakRssMb - engineRun.rssStartMb) / jobs).toFixed(2)} MB/job over start)`,
);
log(
  `  bare fetch loop (peer): CPU ${bareRun.cpuMs.toFixed(0)} ms = ${perJob(bareRun).toFixed(1)} ms/job; peak RSS ${bareRun.peakRssMb.toFixed(0)} MB`,
);
log(
  `  ratio engine/peer CPU per job: ${(perJob(engineRun) / perJob(bareRun)).toFixed(2)}×; the fake server saw ${countsA.creates} creates for ${jobs} jobs`,
);
target('every job succeeded', engineRun.succeeded === jobs, `${engineRun.succeeded}/${jobs}`);
target(
  'exactly one create per job',
  countsA.creates === jobs && countsA.tasks === jobs,
  `${countsA.creates} creates, ${countsA.tasks} tasks`,
);
target('engine CPU per job ≤ 60 ms', perJob(engineRun) <= 60, `${perJob(engineRun).toFixed(1)} ms`);
target('engine peak RSS ≤ 200 MB', engineRun.peakRssMb <= 200, `${engineRun.peakRssMb.toFixed(0)} MB`);

// ------------------------------------------------------------------ a 1 GB output
const fakeC = await startFake({ outputFile, syntheticBytes: downloadBytes });
const streamed = await measure('download', {
  url: `${fakeC.url}/cdn/outputs/big.mp4?sig=1`,
  file: join(work, 'big.part'),
});
await fakeC.stop();
const fakeD = await startFake({ outputFile, syntheticBytes: naiveBytes });
const naive = await measure('naiveDownload', {
  url: `${fakeD.url}/cdn/outputs/big.mp4?sig=1`,
  file: join(work, 'naive.part'),
});
await fakeD.stop();
const growth = (result) => result.peakRssMb - result.rssStartMb;
log('');
log(
  `download of ${downloadBytes / 2 ** 20} MB streamed to disk: ${(streamed.wallMs / 1000).toFixed(1)} s, RSS ${streamed.rssStartMb.toFixed(0)} → peak ${streamed.peakRssMb.toFixed(0)} MB (+${growth(streamed).toFixed(0)} MB)`,
);
log(
  `peer, ${naiveBytes / 2 ** 20} MB buffered whole: RSS ${naive.rssStartMb.toFixed(0)} → peak ${naive.peakRssMb.toFixed(0)} MB (+${growth(naive).toFixed(0)} MB)`,
);
log(
  `memory growth per MB downloaded: streamed ${(growth(streamed) / (downloadBytes / 2 ** 20)).toFixed(4)} MB/MB vs buffered ${(growth(naive) / (naiveBytes / 2 ** 20)).toFixed(3)} MB/MB`,
);
target('streamed download complete', streamed.bytes === downloadBytes, `${streamed.bytes} bytes`);
target(
  'streamed download memory flat (growth ≤ 64 MB)',
  growth(streamed) <= 64,
  `+${growth(streamed).toFixed(0)} MB for ${downloadBytes / 2 ** 20} MB`,
);

await rm(work, { recursive: true, force: true });
if (failures.length > 0) {
  log(`\nmissed: ${failures.join('; ')}`);
  process.exit(1);
}
log('\nall targets met');
