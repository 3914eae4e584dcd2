import { AppError, toErrorShape, type AppErrorShape } from '../../common/contract';
import { exitCodeFor } from './exitCodes';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  json: boolean;
}

export function printResult(io: CliIo, value: unknown, human: () => string): void {
  io.stdout.write(io.json ? `${JSON.stringify({ ok: true, value }, null, 2)}\n` : `${human()}\n`);
}

/** Prints an error (as JSON with --json) and returns the exit code that fits its code. */
export function printError(io: CliIo, error: unknown): number {
  const shape: AppErrorShape = toErrorShape(error);
  if (io.json) io.stdout.write(`${JSON.stringify({ ok: false, error: shape }, null, 2)}\n`);
  else
    io.stderr.write(`error [${shape.code}]: ${shape.message}${shape.detail ? `\n  ${shape.detail}` : ''}\n`);
  return exitCodeFor(shape.code);
}

export function usageError(message: string): AppError {
  return new AppError('BAD_REQUEST', message);
}
