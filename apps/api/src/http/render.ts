import type { Result } from '../common/result';
import { ApiError, failureBody } from './error-body';

/** Controllers hand a use case's result here: the value, or the failure rendered as an HTTP error. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(failureBody(result.failure));
}
