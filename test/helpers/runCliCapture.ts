import { Writable } from 'node:stream';
import { runCli } from '../../main/cli/index';

/** Runs the CLI in-process and captures what it printed. */
export async function runCliCapture(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }> {
  let stdout = '';
  let stderr = '';
  const out = new Writable({ write: (chunk, _encoding, done) => ((stdout += String(chunk)), done()) });
  const err = new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) });
  const code = await runCli(args, { stdout: out, stderr: err });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
