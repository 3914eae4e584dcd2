import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { FfmpegProgress } from '../../../main/ffmpeg/progress';

/**
 * fluent-ffmpeg reports the end once the process exited and stderr closed, without waiting for
 * stdout (where `-progress pipe:1` goes). This stand-in does exactly that: 'end' first, then the
 * last progress block, then stdout closes.
 */
class EndBeforeStdout extends EventEmitter {
  ffmpegProc = { pid: undefined, stdout: new PassThrough(), stdin: null, kill: () => true };
  setFfmpegPath() {}
  input() {}
  inputOptions() {}
  addOption() {}
  complexFilter() {}
  output() {}
  outputOptions() {}
  run() {
    setImmediate(() => {
      this.emit('start');
      this.ffmpegProc.stdout.write('out_time_us=1000000\nprogress=continue\n');
      setImmediate(() => {
        this.emit('end');
        setTimeout(() => this.ffmpegProc.stdout.end('out_time_us=2000000\nprogress=end\n'), 20);
      });
    });
  }
}

vi.mock('fluent-ffmpeg', () => ({ default: () => new EndBeforeStdout() }));

describe('the ffmpeg runner', () => {
  it('settles after stdout closes, so the last progress block is never reported after the end', async () => {
    const { runFfmpeg } = await import('../../../main/ffmpeg/runner');
    const reports: { progress: FfmpegProgress; afterEnd: boolean }[] = [];
    let ended = false;
    await runFfmpeg(
      { inputs: [], globalOptions: [], filterComplex: null, outputs: [] },
      {
        ffmpegPath: 'ffmpeg',
        expectedDurationUs: 2_000_000,
        onProgress: (progress) => reports.push({ progress, afterEnd: ended }),
      },
    );
    ended = true;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(reports.map((report) => [report.progress.fraction, report.afterEnd])).toEqual([
      [0.5, false],
      [1, false],
    ]);
  });
});
