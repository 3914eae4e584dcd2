// Export benchmark: Shotloom's export engine against ffmpeg and melt, measured in one run on media the
// script makes (12 shots of 5 s 1080p24 H.264 + AAC, x264's default GOP). Prints ratios and exits
// non-zero naming every missed target. Not part of npm test. Run: npm run bench:export
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './bundleEngine.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
// --dissolves-only (with --work) measures section 2 again over the kept shots and edit-ready copies.
const dissolvesOnly = process.argv.includes('--dissolves-only');
const keep = process.argv.includes('--keep');
// --work DIR reuses the shots of an earlier --keep run (the caches and outputs are made afresh).
const workArg = process.argv.indexOf('--work');
const work =
  workArg > 0 ? resolve(process.argv[workArg + 1]) : await mkdtemp(join(tmpdir(), 'shotloom-bench-'));
if (workArg > 0) {
  if (!process.argv.includes('--dissolves-only'))
    await rm(join(work, 'cache'), { recursive: true, force: true });
  await rm(join(work, 'out'), { recursive: true, force: true });
}
const log = (line) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- helpers
function sh(command, args, { time = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const timeFile = join(work, `time-${Math.random().toString(16).slice(2)}.txt`);
    const argv = time ? ['-f', '%e %M', '-o', timeFile, command, ...args] : args;
    const child = spawn(time ? '/usr/bin/time' : command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on(
      'data',
      (chunk) => (stderr += chunk).length > 200_000 && (stderr = stderr.slice(-100_000)),
    );
    child.on('error', reject);
    child.on('close', async (code) => {
      if (code !== 0) {
        reject(
          new Error(`${command} ${args.slice(0, 8).join(' ')} … exited ${code}\n${stderr.slice(-3000)}`),
        );
        return;
      }
      if (!time) return resolvePromise({ stdout });
      const [wall, rssKb] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).slice(-2).map(Number);
      resolvePromise({ stdout, wall, rssMb: rssKb / 1024 });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function counts(path) {
  const { stdout } = await sh(
    'ffprobe',
    [
      '-v',
      'error',
      '-count_packets',
      '-show_entries',
      'stream=codec_type,nb_read_packets,duration',
      '-of',
      'json',
      path,
    ],
    { time: false },
  );
  const streams = JSON.parse(stdout).streams;
  const video = streams.find((stream) => stream.codec_type === 'video');
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    frames: Number(video?.nb_read_packets),
    videoSeconds: Number(video?.duration),
    audioSeconds: Number(audio?.duration),
  };
}

const failures = [];
const verified = [];
async function verify(name, path, expectedFrames, rate = 24) {
  const found = await counts(path);
  const ok =
    found.frames === expectedFrames &&
    Math.abs(found.videoSeconds - expectedFrames / rate) <= 1 / rate + 1e-6 &&
    Math.abs(found.audioSeconds - found.videoSeconds) <= 1 / rate + 1e-6;
  verified.push(
    `${ok ? 'OK ' : 'BAD'} ${name}: ${found.frames}/${expectedFrames} frames, video ${found.videoSeconds} s, audio ${found.audioSeconds} s`,
  );
  if (!ok) failures.push(`output check failed: ${name}`);
}

function target(name, ok, detail) {
  log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${detail}`);
  if (!ok) failures.push(name);
}

// ---------------------------------------------------------------- the engine, bundled from source
const enginePath = await bundleEngine('exportEngine');
const engine = await import(enginePath);

async function ours(job) {
  const jobPath = join(work, `job-${Math.random().toString(16).slice(2)}.json`);
  await writeFile(jobPath, JSON.stringify(job));
  const result = await sh(process.execPath, [join(root, 'bench', 'exportWorker.mjs'), enginePath, jobPath]);
  const reply = JSON.parse(result.stdout.trim().split('\n').at(-1));
  if (!reply.ok) throw new Error(`engine failed: ${reply.code} ${reply.message}\n${reply.detail ?? ''}`);
  const run = reply.runs?.[0];
  if (run && !run.verified) failures.push(`engine verification failed (${job.outputPath})`);
  return { ...result, ...reply, run, engineSeconds: run ? run.ms / 1000 : reply.ms / 1000 };
}

// ---------------------------------------------------------------- media
async function makeShots(folder, count, { size, seconds, rate = 24 }) {
  await mkdir(folder, { recursive: true });
  const paths = Array.from({ length: count }, (_, index) =>
    join(folder, `shot${String(index + 1).padStart(2, '0')}.mp4`),
  );
  const present = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        (info) => info.size > 0,
        () => false,
      ),
    ),
  );
  const queue = paths.map((path, index) => ({ path, index })).filter((item) => !present[item.index]);
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const source = `testsrc2=s=${size}:r=${rate}:d=${seconds}`;
      // Sync marker: black picture and silence for t in [2.5, 2.6).
      await sh(
        'ffmpeg',
        [
          '-v',
          'error',
          '-f',
          'lavfi',
          '-i',
          source,
          '-f',
          'lavfi',
          '-i',
          `sine=f=${220 + item.index * 40}:r=48000:d=${seconds}`,
          '-filter_complex',
          `[0:v]${item.index % 2 === 0 ? '' : 'hue=h=t*60,negate,'}noise=alls=4:allf=t,drawbox=enable='between(t,2.5,2.6)':c=black:t=fill,trim=end_frame=${seconds * rate},format=yuv420p[v];[1:a]volume=enable='between(t,2.5,2.6)':volume=0,aformat=channel_layouts=stereo[a]`,
          '-map',
          '[v]',
          '-map',
          '[a]',
          '-c:v',
          'libx264',
          '-preset',
          'fast',
          '-crf',
          '20',
          '-c:a',
          'aac',
          '-b:a',
          '192k',
          '-ar',
          '48000',
          '-y',
          item.path,
        ],
        { time: false },
      );
    }
  };
  await Promise.all([worker(), worker()]);
  return paths;
}

async function assetFor(path, id) {
  const media = (await engine.probeMedia(path, { ffprobePath: 'ffprobe' })).facts;
  const contentHash = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  return {
    id,
    kind: media.video ? 'video' : 'audio',
    name: id,
    path,
    storage: 'linked',
    contentHash,
    media,
    origin: { kind: 'imported', importedAt: '2026-01-01T00:00:00.000Z', originalPath: path },
    tags: [],
    favourite: false,
    folder: null,
  };
}

function clip(id, assetId, durationFrames, extra = {}) {
  return engine.newClip({ id, assetId, durationFrames, name: id, ...extra });
}

async function projectFile(name, assets, items, { width, height, music = null } = {}) {
  const project = engine.newProject({ name: 'Bench', width, height, now: new Date('2026-01-01T00:00:00Z') });
  const sequenceId = project.sequenceOrder[0];
  const sequence = project.sequences[sequenceId];
  for (const asset of assets) project.assets[asset.id] = asset;
  sequence.videoTracks[0].items = items;
  if (music) {
    sequence.audioTracks[1].items = [music];
    sequence.ducking = { enabled: true, amountDb: -12 };
  }
  const path = join(work, `${name}.json`);
  await writeFile(path, JSON.stringify(project));
  return { path, sequenceId };
}

/** 12 shots joined by 11 dissolves of 12 frames (centred on the cuts: trimmed 6 frames at each inner end). */
function dissolveItems(ids, shotFrames, transitionFrames = 12) {
  const half = transitionFrames / 2;
  const items = [];
  ids.forEach((id, index) => {
    const first = index === 0;
    const last = index === ids.length - 1;
    if (!first)
      items.push({ type: 'transition', id: `x${index}`, kind: 'dissolve', durationFrames: transitionFrames });
    items.push(
      clip(`c${index}`, id, shotFrames - (first ? 0 : half) - (last ? 0 : half), {
        sourceIn: first ? 0 : half,
      }),
    );
  });
  return items;
}

// ---------------------------------------------------------------- run
const startedAt = Date.now();
log(`Shotloom export bench, ${new Date().toISOString()}, work folder ${work}`);
const shots = await makeShots(join(work, 'shots'), 12, { size: '1920x1080', seconds: 5 });
const musicPath = join(work, 'music.wav');
await sh(
  'ffmpeg',
  ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=110:r=48000:d=70', '-ac', '2', '-y', musicPath],
  { time: false },
);
const assets = await Promise.all(shots.map((path, index) => assetFor(path, `shot${index + 1}`)));
const musicAsset = await assetFor(musicPath, 'music');
const ids = assets.map((asset) => asset.id);
const cacheDir = join(work, 'cache');
const outDir = join(work, 'out');
await mkdir(outDir, { recursive: true });
log(
  `media: 12 shots of 5 s 1920x1080 24 fps, keyframes per shot: ${(await Promise.all(shots.slice(0, 3).map(async (path) => (await sh('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', path], { time: false })).stdout.split('\n').filter((flag) => flag.includes('K')).length))).join(', ')} (first 3)`,
);

const x264 = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-crf',
  '18',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-b:a',
  '192k',
  '-movflags',
  '+faststart',
];

if (!dissolvesOnly) {
  // 1. Cuts only
  const cuts = await projectFile(
    'cuts',
    assets,
    ids.map((id, index) => clip(`c${index}`, id, 120)),
    { width: 1920, height: 1080 },
  );
  const concatList = join(work, 'concat.txt');
  await writeFile(concatList, shots.map((path) => `file '${path}'`).join('\n'));
  const copyPeer = () =>
    sh('ffmpeg', [
      '-v',
      'error',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      concatList,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      '-y',
      join(outDir, 'peer-copy.mp4'),
    ]);
  const cutsJob = {
    projectFile: cuts.path,
    sequenceId: cuts.sequenceId,
    cacheDir,
    outputPath: join(outDir, 'ours-cuts.mp4'),
  };
  await copyPeer();
  await ours(cutsJob); // warm-up (fills the keyframe cache, as an import would)
  const cutRounds = [];
  for (let round = 0; round < (quick ? 3 : 5); round += 1) {
    const peer = await copyPeer();
    const mine = await ours(cutsJob);
    cutRounds.push({ peer: peer.wall, mine: mine.engineSeconds, process: mine.wall, mode: mine.run.mode });
  }
  await verify('concat demuxer -c copy (peer)', join(outDir, 'peer-copy.mp4'), 1440);
  await verify('ours, cuts only', cutsJob.outputPath, 1440);
  const reencodeGraph =
    shots
      .map(
        (_, index) =>
          `[${index}:v]setpts=PTS-STARTPTS[v${index}];[${index}:a]apad,atrim=end=5,asetpts=PTS-STARTPTS[a${index}]`,
      )
      .join(';') +
    ';' +
    shots.map((_, index) => `[v${index}][a${index}]`).join('') +
    `concat=n=${shots.length}:v=1:a=1[v][a]`;
  const reencode = await sh('ffmpeg', [
    '-v',
    'error',
    ...shots.flatMap((path) => ['-i', path]),
    '-filter_complex',
    reencodeGraph,
    '-map',
    '[v]',
    '-map',
    '[a]',
    ...x264,
    '-y',
    join(outDir, 'peer-reencode.mp4'),
  ]);
  await verify('full re-encode of the cut, veryfast (peer)', join(outDir, 'peer-reencode.mp4'), 1440);
  const cutRatio = median(cutRounds.map((round) => round.mine / round.peer));
  const cutMine = median(cutRounds.map((round) => round.mine));
  log(
    `\n1. cuts only (${cutRounds[0].mode}): ours ${cutMine.toFixed(3)} s in the engine (whole process with Node start ${median(cutRounds.map((round) => round.process)).toFixed(3)} s), concat -c copy ${median(cutRounds.map((round) => round.peer)).toFixed(3)} s, full re-encode ${reencode.wall.toFixed(1)} s`,
  );
  target(
    'cuts only within 2x of concat demuxer -c copy',
    cutRatio <= 2,
    `median ratio ${cutRatio.toFixed(2)}x (rounds: ${cutRounds.map((round) => (round.mine / round.peer).toFixed(2)).join(' ')})`,
  );
  target(
    'cuts only at least 50x faster than a full veryfast re-encode',
    reencode.wall / cutMine >= 50,
    `${(reencode.wall / cutMine).toFixed(0)}x`,
  );
}

// 2. Dissolves over edit-ready copies
const editReady = await ours({ op: 'editReady', assets, cacheDir });
log(
  `\n2. one-time edit-ready conversion of 12 shots (2 at a time): ${editReady.wall.toFixed(1)} s wall, peak ${editReady.rssMb.toFixed(0)} MB`,
);
const dissolves = await projectFile('dissolves', assets, dissolveItems(ids, 120), {
  width: 1920,
  height: 1080,
});
const musicClip = clip('music', 'music', 1308, {
  sourceIn: 48000,
  gainDb: -6,
  audioFadeInFrames: 24,
  audioFadeOutFrames: 48,
});
const ducked = await projectFile('ducked', [...assets, musicAsset], dissolveItems(ids, 120), {
  width: 1920,
  height: 1080,
  music: musicClip,
});
const dissolveJob = {
  projectFile: dissolves.path,
  sequenceId: dissolves.sequenceId,
  cacheDir,
  outputPath: join(outDir, 'ours-dissolves.mp4'),
};
const duckedJob = {
  projectFile: ducked.path,
  sequenceId: ducked.sequenceId,
  cacheDir,
  outputPath: join(outDir, 'ours-ducked.mp4'),
};
const xfadeGraph = (() => {
  const video = [];
  const audio = [];
  let lastV = '0:v';
  let lastA = 'a0';
  shots.forEach((_, index) => audio.push(`[${index}:a]apad,atrim=end=5,asetpts=PTS-STARTPTS[a${index}]`));
  for (let index = 1; index < shots.length; index += 1) {
    video.push(
      `[${lastV}][${index}:v]xfade=transition=fade:duration=0.5:offset=${(4.5 * index).toFixed(1)}[v${index}]`,
    );
    audio.push(`[${lastA}][a${index}]acrossfade=d=0.5:c1=tri:c2=tri[x${index}]`);
    lastV = `v${index}`;
    lastA = `x${index}`;
  }
  return { graph: [...audio, ...video].join(';'), video: `[${lastV}]`, audio: `[${lastA}]` };
})();
const xfadePeer = () =>
  sh('ffmpeg', [
    '-v',
    'error',
    ...shots.flatMap((path) => ['-i', path]),
    '-filter_complex',
    xfadeGraph.graph,
    '-map',
    xfadeGraph.video,
    '-map',
    xfadeGraph.audio,
    ...x264,
    '-y',
    join(outDir, 'peer-xfade.mp4'),
  ]);
const meltArgs = [
  '-silent',
  '-profile',
  'atsc_1080p_24',
  shots[0],
  ...shots.slice(1).flatMap((path) => [path, '-mix', '12', '-mixer', 'luma', '-mixer', 'mix:-1']),
  '-consumer',
  `avformat:${join(outDir, 'peer-melt.mp4')}`,
  'vcodec=libx264',
  'preset=veryfast',
  'crf=18',
  'acodec=aac',
  'ab=192k',
  'real_time=-2',
  'movflags=+faststart',
];
const meltPeer = () => sh('melt', meltArgs);
const rounds = [];
for (let round = 0; round < (process.argv.includes('--two-rounds') ? 2 : 1); round += 1) {
  const smart = await ours(dissolveJob);
  const withMusic = await ours(duckedJob);
  const xfade = await xfadePeer();
  const melt = await meltPeer();
  rounds.push({ smart, withMusic, xfade, melt });
  log(
    `   round ${round + 1}: ours ${smart.engineSeconds.toFixed(2)} s (${smart.run.copied} copied, ${smart.run.encoded} encoded; peak ${smart.rssMb.toFixed(0)} MB), with ducked music ${withMusic.engineSeconds.toFixed(2)} s, xfade re-encode ${xfade.wall.toFixed(1)} s (peak ${xfade.rssMb.toFixed(0)} MB), melt ${melt.wall.toFixed(1)} s (peak ${melt.rssMb.toFixed(0)} MB)`,
  );
}
await verify('ours, 11 dissolves (smart)', dissolveJob.outputPath, 1308);
await verify('ours, 11 dissolves + ducked music', duckedJob.outputPath, 1308);
await verify('xfade + acrossfade re-encode (peer)', join(outDir, 'peer-xfade.mp4'), 1308);
await verify('melt (peer)', join(outDir, 'peer-melt.mp4'), 1308);
const byRound = (f) => median(rounds.map(f));
target(
  'dissolves at least 4x faster than a full re-encode (xfade chain, same preset and crf)',
  byRound((r) => r.xfade.wall / r.smart.engineSeconds) >= 4,
  `${byRound((r) => r.xfade.wall / r.smart.engineSeconds).toFixed(2)}x`,
);
target(
  'dissolves at least 3.5x faster than melt',
  byRound((r) => r.melt.wall / r.smart.engineSeconds) >= 3.5,
  `${byRound((r) => r.melt.wall / r.smart.engineSeconds).toFixed(2)}x`,
);
target(
  'with a ducked music track no more than 10 % slower',
  byRound((r) => r.withMusic.engineSeconds / r.smart.engineSeconds) <= 1.1,
  `${byRound((r) => r.withMusic.engineSeconds / r.smart.engineSeconds).toFixed(3)}x`,
);
target(
  'peak memory no more than melt',
  byRound((r) => Math.max(r.smart.rssMb, r.withMusic.rssMb) / r.melt.rssMb) <= 1,
  `ours ${byRound((r) => Math.max(r.smart.rssMb, r.withMusic.rssMb)).toFixed(0)} MB vs melt ${byRound((r) => r.melt.rssMb).toFixed(0)} MB (xfade graph ${byRound((r) => r.xfade.rssMb).toFixed(0)} MB)`,
);

if (!dissolvesOnly) {
  // 3. Memory: a 60-minute cut against a 1-minute cut (small media to fit in time)
  const longShots = await makeShots(join(work, 'long'), 12, { size: '320x180', seconds: 30 });
  const longAssets = await Promise.all(longShots.map((path, index) => assetFor(path, `long${index + 1}`)));
  await ours({ op: 'editReady', assets: longAssets, cacheDir });
  const oneMinuteIds = longAssets.slice(0, 2).map((asset) => asset.id);
  const sixtyMinuteIds = Array.from(
    { length: quick ? 20 : 120 },
    (_, index) => longAssets[index % longAssets.length].id,
  );
  const oneMinute = await projectFile('one-minute', longAssets, dissolveItems(oneMinuteIds, 720), {
    width: 320,
    height: 180,
  });
  const sixtyMinutes = await projectFile('sixty-minutes', longAssets, dissolveItems(sixtyMinuteIds, 720), {
    width: 320,
    height: 180,
  });
  const short = await ours({
    projectFile: oneMinute.path,
    sequenceId: oneMinute.sequenceId,
    cacheDir,
    outputPath: join(outDir, 'one-minute.mp4'),
  });
  const long = await ours({
    projectFile: sixtyMinutes.path,
    sequenceId: sixtyMinutes.sequenceId,
    cacheDir,
    outputPath: join(outDir, 'sixty-minutes.mp4'),
  });
  await verify('ours, 1-minute cut', join(outDir, 'one-minute.mp4'), 1440 - 12);
  await verify(
    `ours, ${sixtyMinuteIds.length / 2}-minute cut`,
    join(outDir, 'sixty-minutes.mp4'),
    sixtyMinuteIds.length * 720 - (sixtyMinuteIds.length - 1) * 12,
  );
  log(
    `\n3. memory: 1-minute cut ${short.rssMb.toFixed(0)} MB peak (${short.engineSeconds.toFixed(1)} s), ${sixtyMinuteIds.length / 2}-minute cut ${long.rssMb.toFixed(0)} MB peak (${long.engineSeconds.toFixed(1)} s)`,
  );
  target(
    `${sixtyMinuteIds.length / 2}-minute cut peak memory within 1.2x of a 1-minute cut`,
    long.rssMb / short.rssMb <= 1.2,
    `${(long.rssMb / short.rssMb).toFixed(2)}x`,
  );
}

log('\nOutput checks (frames, video duration within 1 frame, audio = video within 1 frame):');
for (const line of verified) log(`  ${line}`);
log(`\nTotal bench time ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
if (!keep) await rm(work, { recursive: true, force: true });
if (failures.length > 0) {
  log(`\nMISSED: ${failures.join('; ')}`);
  process.exitCode = 1;
} else log('\nAll targets met.');
