import { AppError } from '../../../common/contract';

/** A Node file-system error to an AppError with a code the UI and the CLI understand. */
export function fileError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'DISK_FULL',
        `The disk is full: ${what} failed. Free some space and try again.`,
        detail,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('PERMISSION_DENIED', `Shotloom may not write there: ${what} failed.`, detail);
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('FILE_NOT_FOUND', `${what} failed: the file or folder is not there.`, detail);
    default:
      return new AppError('FILE_UNREADABLE', `${what} failed.`, detail);
  }
}
