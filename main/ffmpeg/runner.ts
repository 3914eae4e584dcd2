import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import ffmpeg from 'fluent-ffmpeg';
import { AppError } from '../../common/contract';
import type { FfmpegInvocation } from './invocation';
import type { PidRegistry } from './pidRegistry';
import { createProgressParser, type FfmpegProgress } from './progress';

export interface RunOptions {
  ffmpegPath: string;
  signal?: AbortSignal;
  onProgress?: (progress: FfmpegProgress) => void;
  /** The output's expected duration, for progress fractions and ETA. */
  expectedDurationUs?: number | null;
  /** How long to wait after `q` and SIGTERM before SIGKILL. */
  graceMs?: number;
  /** Called with the child's pid once it started. */
  onStart?: (pid: number) => void;
  /** Records the child while it runs, so that a crash's orphans are ended at the next start. */
  registry?: PidRegistry;
  /** Keep partial outputs of a failed or cancelled run (default: they are removed). */
  keepPartialOutputs?: boolean;
}

export interface RunResult {
  stderrTail: string;
}

const stderrTailLines = 30;

let defaultRegistry: PidRegistry | null = null;

/**
 * The registry every run records its child in unless it names its own: the core sets it once at
 * start, so that every ffmpeg child (export, media, generation) can be found after a crash.
 */
export function setDefaultPidRegistry(registry: PidRegistry | null): void {
  defaultRegistry = registry;
}

function tail(text: string): string {
  return text.split('\n').slice(-stderrTailLines).join('\n').trim();
}

/** Turns ffmpeg's stderr into the error a user can act on. */
export function errorFromStderr(stderr: string, exitDescription: string): AppError {
  const detail = tail(stderr);
  if (/No space left on device/i.test(stderr)) {
    return new AppError(
      'DISK_FULL',
      'The disk is full: free some space and try again. Nothing was written.',
      detail,
    );
  }
  if (/Permission denied/i.test(stderr)) {
    return new AppError('PERMISSION_DENIED', 'Shotloom may not write there: choose another folder.', detail);
  }
  if (
    /Invalid data found when processing input|moov atom not found|Error while decoding|corrupt/i.test(stderr)
  ) {
    return new AppError(
      'MEDIA_CORRUPT',
      'A source file is damaged or not a media file ffmpeg can read.',
      detail,
    );
  }
  if (/No such file or directory/i.test(stderr)) {
    return new AppError('FILE_NOT_FOUND', 'A file ffmpeg needed is missing.', detail);
  }
  return new AppError('FFMPEG_FAILED', `ffmpeg failed (${exitDescription}).`, detail);
}

function childOf(command: ffmpeg.FfmpegCommand): ChildProcess | undefined {
  return (command as unknown as { ffmpegProc?: ChildProcess }).ffmpegProc;
}

/**
 * THE place that starts ffmpeg (fluent-ffmpeg lives only in this file). Progress comes from
 * `-progress pipe:1`; cancelling sends `q`, then SIGTERM, then SIGKILL after the grace period
 * (SIGKILL alone leaves an unplayable MP4); errors carry the last lines of stderr.
 */
export function runFfmpeg(invocation: FfmpegInvocation, options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('CANCELLED', 'Cancelled.'));
      return;
    }
    const command = ffmpeg();
    command.setFfmpegPath(options.ffmpegPath);
    // Options go in as separate arguments: fluent-ffmpeg splits a one-array "-opt value" string on
    // its space, which would break values such as "title=My film".
    for (const input of invocation.inputs) {
      command.input(input.path);
      if (input.options.length > 0) command.inputOptions(...(input.options as [string]));
    }
    const globals = [
      '-hide_banner',
      '-nostdin',
      '-nostats',
      '-progress',
      'pipe:1',
      ...invocation.globalOptions,
    ];
    // '-nostdin' would stop us sending 'q': keep stdin open for a graceful stop.
    command.addOption(globals.filter((option) => option !== '-nostdin'));
    if (invocation.filterComplex) command.complexFilter(invocation.filterComplex);
    for (const output of invocation.outputs) {
      command.output(output.path);
      if (output.options.length > 0) command.outputOptions(...(output.options as [string]));
    }

    let stderr = '';
    let cancelled = false;
    const timers: NodeJS.Timeout[] = [];
    const parse = createProgressParser(options.expectedDurationUs ?? null, (progress) =>
      options.onProgress?.(progress),
    );

    const onAbort = (): void => {
      cancelled = true;
      const child = childOf(command);
      if (!child) return;
      try {
        child.stdin?.write('q');
      } catch {
        // stdin already closed
      }
      const grace = options.graceMs ?? 2000;
      timers.push(setTimeout(() => child.kill('SIGTERM'), grace));
      timers.push(setTimeout(() => child.kill('SIGKILL'), grace * 2));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const registry = options.registry ?? defaultRegistry;
    let pid: number | undefined;
    let registered: Promise<void> = Promise.resolve();
    const cleanup = (): void => {
      options.signal?.removeEventListener('abort', onAbort);
      for (const timer of timers) clearTimeout(timer);
      const finishedPid = pid;
      if (finishedPid !== undefined)
        void registered.then(() => registry?.remove(finishedPid)).catch(() => undefined);
    };
    const fileOutputs = invocation.outputs
      .map((output) => output.path)
      .filter((path) => !/^(pipe:|-$|\/dev\/null$)/.test(path));
    const failWith = (error: AppError): void => {
      if (options.keepPartialOutputs) {
        reject(error);
        return;
      }
      void Promise.all(fileOutputs.map((path) => rm(path, { force: true }).catch(() => undefined))).then(() =>
        reject(error),
      );
    };

    // fluent-ffmpeg reports the end when the process has exited and stderr closed, not stdout: the
    // last progress block can still be unread then. Settling waits for stdout to close, so no
    // progress is ever reported after the run's end.
    let stdoutClosed: Promise<void> = Promise.resolve();
    command.on('start', () => {
      const child = childOf(command);
      child?.stdout?.setEncoding('utf8');
      child?.stdout?.on('data', (chunk: string) => parse(chunk));
      const stdout = child?.stdout;
      if (stdout) stdoutClosed = new Promise((resolve) => stdout.once('close', () => resolve()));
      if (child?.pid !== undefined) {
        pid = child.pid;
        options.onStart?.(child.pid);
        registered = (registry?.add(child.pid, fileOutputs.at(-1) ?? 'ffmpeg') ?? Promise.resolve()).catch(
          () => undefined,
        );
      }
    });
    command.on('stderr', (line: string) => {
      stderr += `${line}\n`;
      if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
    });
    const failed = (error: Error): void => {
      cleanup();
      if (cancelled) failWith(new AppError('CANCELLED', 'Cancelled.', tail(stderr)));
      else if (/ENOENT/.test(error.message) && !stderr)
        failWith(
          new AppError(
            'FFMPEG_MISSING',
            `ffmpeg could not be started at ${options.ffmpegPath}.`,
            error.message,
          ),
        );
      else failWith(errorFromStderr(stderr || error.message, error.message.split('\n')[0] ?? 'error'));
    };
    command.on('error', (error: Error) => void stdoutClosed.then(() => failed(error)));
    command.on(
      'end',
      () =>
        void stdoutClosed.then(() => {
          cleanup();
          if (cancelled) failWith(new AppError('CANCELLED', 'Cancelled.', tail(stderr)));
          else resolve({ stderrTail: tail(stderr) });
        }),
    );
    command.run();
  });
}
