import type { ErrorCode } from './errorCodes';

/** The serialisable form of an error, as it crosses a host boundary. */
export interface AppErrorShape {
  code: ErrorCode;
  /** A sentence a creator understands, saying what happened and, where possible, what to do. */
  message: string;
  /** Technical detail for the details pane: a provider's own code, a JSON path, ffmpeg's stderr tail. */
  detail?: string;
}

/** Thrown by services; hosts turn it into a failed Result without losing the code. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly detail?: string;

  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }

  toShape(): AppErrorShape {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Any thrown value as an error shape; unknown errors become INTERNAL with their message as detail. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Shotloom.', detail };
}
