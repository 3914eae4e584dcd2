// One measured task of bench/jobs.mjs in its own Node process; prints one JSON line with the
// process's own CPU time (user + system, children such as ffprobe excluded) and peak RSS.
// Usage: node bench/jobsWorker.mjs <engine.mjs> <task> <json arguments>
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [enginePath, task, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? '{}');
const engine = await import(enginePath);

/** Peak RSS sampled every 20 ms (maxRSS of getrusage also counts start-up, so both are reported). */
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const cpuStart = process.cpuUsage();
const rssStart = process.memoryUsage().rss;
const started = performance.now();

function done(extra) {
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    `${JSON.stringify({
      task,
      wallMs: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssStartMb: rssStart / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
      ...extra,
    })}\n`,
  );
  process.exit(0);
}

if (task === 'fake') {
  // The fake Runway server, in its own process so its CPU is not the engine's.
  const fake = await engine.RunwayFake.start({ apiKey: args.apiKey, outputFile: args.outputFile });
  if (args.syntheticBytes) fake.syntheticOutputBytes = args.syntheticBytes;
  for (let index = 0; index < (args.tasks ?? 0); index += 1)
    fake.scripts.push({ runningPolls: args.runningPolls ?? 3, pendingPolls: 1 });
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () =>
    process.stdout.write(`${JSON.stringify({ creates: fake.createCount, tasks: fake.taskCount })}\n`, () =>
      process.exit(0),
    ),
  );
} else if (task === 'engine') {
  // 50 concurrent jobs through the real engine: journal, slots, polling, download, ffprobe verify.
  const dir = args.dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'staging'), { recursive: true });
  let finished = 0;
  let succeeded = 0;
  let resolveAll;
  const all = new Promise((resolve) => (resolveAll = resolve));
  const jobEngine = new engine.JobEngine({
    journal: new engine.JobJournal(join(dir, 'journal.jsonl')),
    registry: new engine.ProviderRegistry().register(new engine.RunwayAdapter()),
    resolveKey: async () => args.apiKey,
    binaries: {
      ffmpegPath: async () => 'ffmpeg',
      ffprobePath: async () => process.env.FFPROBE_PATH ?? 'ffprobe',
    },
    workDir: join(dir, 'work'),
    emit: (event, payload) => {
      if (event !== 'job:finished') return;
      finished += 1;
      if (payload.job.state === 'succeeded') succeeded += 1;
      if (finished === args.jobs) resolveAll();
    },
    importer: {
      jobChanged: () => undefined,
      stagingFolder: () => join(dir, 'staging'),
      importOutput: async (job, file) => {
        await rm(file, { force: true });
        return { assetId: `asset_${job.id}` };
      },
    },
    baseUrls: { runway: args.url },
    concurrency: { runway: args.jobs },
    pollIntervalMs: args.pollMs,
  });
  await jobEngine.start();
  await Promise.all(
    Array.from({ length: args.jobs }, (_unused, index) =>
      jobEngine.submit({
        id: `job_${index}`,
        request: engine.testRequest({ provider: 'runway', model: 'gen4.5', durationSeconds: 5 }),
        shotId: 'shot',
        takeId: `take_${index}`,
        projectFolder: dir,
        estimatedCostCents: 60,
      }),
    ),
  );
  await all;
  await jobEngine.shutdown();
  done({ jobs: args.jobs, succeeded });
} else if (task === 'bare') {
  // The peer: the same 50 tasks with plain fetch, no journal, no verification, no backoff.
  const headers = {
    authorization: `Bearer ${args.apiKey}`,
    'x-runway-version': '2024-11-06',
    'content-type': 'application/json',
  };
  const dir = args.dir;
  await mkdir(dir, { recursive: true });
  let succeeded = 0;
  await Promise.all(
    Array.from({ length: args.jobs }, async (_unused, index) => {
      const created = await (
        await fetch(`${args.url}/v1/text_to_video`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: 'gen4.5', promptText: 'x', ratio: '1280:720', duration: 5 }),
        })
      ).json();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, args.pollMs));
        const taskState = await (await fetch(`${args.url}/v1/tasks/${created.id}`, { headers })).json();
        if (taskState.status === 'SUCCEEDED') {
          const bytes = Buffer.from(await (await fetch(taskState.output[0])).arrayBuffer());
          await writeFile(join(dir, `${index}.mp4`), bytes);
          succeeded += 1;
          return;
        }
      }
    }),
  );
  done({ jobs: args.jobs, succeeded });
} else if (task === 'download') {
  const result = await engine.streamDownload({
    url: args.url,
    destinationFile: args.file,
    signal: new AbortController().signal,
    provider: 'Fake',
  });
  await rm(args.file, { force: true });
  done({ bytes: result.bytes });
} else if (task === 'naiveDownload') {
  // The peer: the whole body in memory, then written (what `await response.arrayBuffer()` costs).
  const bytes = Buffer.from(await (await fetch(args.url)).arrayBuffer());
  await writeFile(args.file, bytes);
  await rm(args.file, { force: true });
  done({ bytes: bytes.length });
} else {
  throw new Error(`unknown task ${task}`);
}
