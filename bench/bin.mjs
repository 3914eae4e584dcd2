#!/usr/bin/env node
// Clip bin responsiveness with 2,000 assets: frame times while scrolling the virtualised bin
// (grid and list views) in Chromium through the browser host, against a peer measured in the same
// page: the same cards rendered all at once without virtualisation. Prints p50/p95/max frame
// times, DOM sizes and ratios; exits non-zero when the virtualised bin misses its target.
// Run: npm run build && node bench/bin.mjs   (not part of npm test)
/* global document, requestAnimationFrame -- code inside page.evaluate runs in the page */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openBenchProject, startServe, stopServe } from './browserHost.mjs';

const assetCount = Number(process.env.BENCH_BIN_ASSETS ?? 2000);
const scrollFrames = 240;
const targetP95Ms = 34; // never worse than 30 fps for the slowest 5 % of frames
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cli = join(process.cwd(), 'out', 'main', 'cli.js');

const work = mkdtempSync(join(tmpdir(), 'shotloom-bench-bin-'));
const env = { ...process.env, SHOTLOOM_DATA_DIR: join(work, 'data') };
const folder = join(work, 'data', 'projects', 'Bench');

function run(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`shotloom ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}
function ffmpeg(args) {
  const result = spawnSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-y', ...args]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

function stats(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
    over33: deltas.filter((delta) => delta > 33.4).length,
  };
}
const fmt = (value) => value.toFixed(1).padStart(6);

/** Scrolls an element by a fixed step per animation frame and returns the frame deltas. */
async function scrollFrameTimes(page, selector, frames) {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise((resolve) => {
        const scroller = document.querySelector(selector);
        const step = Math.max(1, (scroller.scrollHeight - scroller.clientHeight) / frames);
        const deltas = [];
        let last = performance.now();
        let count = 0;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          scroller.scrollTop += step;
          count += 1;
          if (count < frames) requestAnimationFrame(tick);
          else resolve(deltas.slice(2));
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames },
  );
}

let server;
let browser;
let exitCode = 0;
try {
  // A project with two real media files, then 2,000 assets pointing at them.
  const media = join(work, 'media');
  spawnSync('mkdir', ['-p', media]);
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=24',
    '-frames:v',
    '48',
    '-pix_fmt',
    'yuv420p',
    join(media, 'clip.mp4'),
  ]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=1', '-frames:v', '1', join(media, 'still.png')]);
  run(['new', folder, '--name', 'Bench']);
  run(['import', folder, join(media, 'clip.mp4'), join(media, 'still.png'), '--copy']);
  const file = join(folder, 'project.shotloom');
  const project = JSON.parse(readFileSync(file, 'utf8'));
  const templates = Object.values(project.assets);
  const assets = {};
  for (let index = 0; index < assetCount; index += 1) {
    const template = templates[index % templates.length];
    const id = `ast_bench${String(index).padStart(6, '0')}`;
    assets[id] = { ...template, id, name: `Bench ${String(index).padStart(4, '0')} ${template.name}` };
  }
  project.assets = assets;
  writeFileSync(file, JSON.stringify(project));

  server = startServe(cli, env);
  const url = await openBenchProject(server);
  browser = await launchChromium(chromiumPath);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('[data-testid="bin-grid"] [data-testid="bin-item"]');
  await page.waitForTimeout(1500); // first thumbnails

  const results = {};
  const mountMs = {};
  for (const view of ['list', 'grid']) {
    const started = Date.now();
    await page.getByRole('radio', { name: view === 'grid' ? 'Grid view' : 'List view' }).click();
    await page.waitForSelector('[data-testid="bin-grid"] [data-testid="bin-item"]');
    mountMs[view] = Date.now() - started;
    await page.waitForTimeout(300);
    const deltas = await scrollFrameTimes(page, '[data-testid="bin-grid"]', scrollFrames);
    const nodes = await page.evaluate(() => document.querySelectorAll('[data-testid="bin-grid"] *').length);
    results[view] = { ...stats(deltas), nodes };
  }

  // Search: type a name that matches one asset and wait for the bin to show just it.
  const searchStarted = Date.now();
  await page.getByRole('searchbox', { name: 'Search the bin' }).fill('Bench 1999');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="bin-grid"] [data-testid="bin-item"]').length === 1,
  );
  const searchMs = Date.now() - searchStarted;
  await page.getByRole('searchbox', { name: 'Search the bin' }).fill('');
  await page.waitForTimeout(300);

  // The peer: the same list-row markup for every asset in one non-virtualised scroller.
  const peerBuildMs = await page.evaluate((count) => {
    const started = performance.now();
    const sample = document.querySelector('[data-testid="bin-grid"] [role="option"]');
    const peer = document.createElement('div');
    peer.id = 'peer-scroller';
    peer.style.cssText =
      'position:fixed;left:0;top:100px;width:282px;height:340px;overflow-y:auto;z-index:999;background:#1e2128';
    const html = sample.innerHTML;
    const rows = [];
    for (let index = 0; index < count; index += 1)
      rows.push(`<div class="vgrid-cell" style="height:44px">${html}</div>`);
    peer.innerHTML = rows.join('');
    document.body.appendChild(peer);
    void peer.offsetHeight;
    return performance.now() - started;
  }, assetCount);
  await page.waitForTimeout(1500);
  const peerDeltas = await scrollFrameTimes(page, '#peer-scroller', scrollFrames);
  const peerNodes = await page.evaluate(() => document.querySelectorAll('#peer-scroller *').length);
  results.peer = { ...stats(peerDeltas), nodes: peerNodes };

  console.log(`bin with ${assetCount} assets, ${scrollFrames} scrolled frames each (ms per frame)`);
  console.log('view          p50     p95     max  >33ms  DOM nodes');
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(10)}${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.max)}  ${String(r.over33).padStart(5)}  ${String(r.nodes).padStart(9)}`,
    );
  }
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  console.log(
    `ratio list/peer: p95 ${ratio(results.list.p95, results.peer.p95)}, DOM nodes ${ratio(results.list.nodes, results.peer.nodes)}`,
  );
  console.log(
    `build: list view ${mountMs.list} ms, grid view ${mountMs.grid} ms (switch, incl. round trip); peer ${peerBuildMs.toFixed(0)} ms (innerHTML + layout); ratio list/peer ${ratio(mountMs.list, peerBuildMs)}`,
  );
  console.log(`search over ${assetCount} assets to one result: ${searchMs} ms`);
  for (const view of ['grid', 'list']) {
    if (results[view].p95 > targetP95Ms) {
      console.error(
        `MISSED: ${view} view p95 frame time ${results[view].p95.toFixed(1)} ms > ${targetP95Ms} ms`,
      );
      exitCode = 1;
    }
  }
  if (results.list.nodes >= results.peer.nodes / 10) {
    console.error('MISSED: the list view is not virtualised (DOM not 10× smaller than the peer)');
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await browser?.close();
  await stopServe(server);
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
