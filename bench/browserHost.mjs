// The browser host for the browser benchmarks (bench/bin.mjs, bench/timeline.mjs): `shotloom serve`
// with the bench project opened before the page loads, and Debian's Chromium to drive it.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { WebSocket } from 'ws';

/** Starts `shotloom serve --json` (the caller stops it: it is returned before anything can fail). */
export function startServe(cli, env) {
  return spawn(process.execPath, [cli, 'serve', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Waits for the host's address, opens the project "Bench" through its WebSocket, answers the URL. */
export async function openBenchProject(server) {
  const url = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const line = text.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line).value.url);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`, {
    headers: { Origin: origin },
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const opened = await new Promise((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'result' && message.id === 1) resolve(message.result);
    });
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 1,
        channel: 'project:open',
        request: { location: { kind: 'projectsRoot', name: 'Bench' } },
      }),
    );
  });
  if (!opened.ok) throw new Error(`project:open failed: ${opened.error.message}`);
  ws.close();
  return url;
}

/** Headless Chromium from Debian, without the background connections this closed network refuses. */
export function launchChromium(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Stops the host and waits for it to exit (it closes the project on the way out), at most 10 s. */
export async function stopServe(server) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
}
