import { AppError, type Result } from '../../common/contract';

/** The value of a Result, or its error thrown as an AppError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.detail);
}
