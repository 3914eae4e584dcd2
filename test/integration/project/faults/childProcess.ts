import { spawn, type ChildProcess } from 'node:child_process';

/** Starts the bundled fault child with a scenario and a folder. */
export function startChild(
  bundle: string,
  scenario: string,
  folder: string,
  ...extra: string[]
): ChildProcess {
  return spawn(process.execPath, [bundle, scenario, folder, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves when the child prints a line equal to `line`. */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.split('\n').includes(line)) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before "${line}": ${buffer}`)));
  });
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Runs a scenario to its end and parses the JSON line it prints. */
export async function runChild<T>(bundle: string, scenario: string, folder: string): Promise<T> {
  const child = startChild(bundle, scenario, folder);
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await waitForExit(child);
  const line = output.trim().split('\n').at(-1);
  if (!line) throw new Error(`no output from ${scenario}: ${errors}`);
  return JSON.parse(line) as T;
}
