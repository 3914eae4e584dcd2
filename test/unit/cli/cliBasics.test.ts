import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { makeTempDir } from '../../helpers/tempDir';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  return { stream, text: () => text };
}

describe('CLI basics', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir();
    process.env.SHOTLOOM_DATA_DIR = dir.path;
  });
  afterAll(async () => {
    delete process.env.SHOTLOOM_DATA_DIR;
    await dir.remove();
  });

  it('prints help and exits 0', async () => {
    const out = capture();
    expect(await runCli(['--help'], { stdout: out.stream, stderr: out.stream })).toBe(0);
    expect(out.text()).toMatch(/Usage: shotloom/);
  });

  it('info --json prints the app info as JSON', async () => {
    const out = capture();
    const err = capture();
    const code = await runCli(['info', '--json'], { stdout: out.stream, stderr: err.stream });
    const parsed = JSON.parse(out.text()) as {
      ok: boolean;
      value: { host: string; ffmpeg: { problem: unknown } };
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.host).toBe('cli');
    expect(code).toBe(parsed.value.ffmpeg.problem ? 2 : 0);
  });

  it('an unknown command or option exits 2 with a coded error', async () => {
    const out = capture();
    const err = capture();
    expect(await runCli(['frobnicate'], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toMatch(/BAD_REQUEST.*Unknown command/);
    const json = capture();
    expect(await runCli(['info', '--bogus', '--json'], { stdout: json.stream, stderr: err.stream })).toBe(2);
    expect(JSON.parse(json.text())).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
