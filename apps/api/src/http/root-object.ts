import { isPlainObject } from '@coupons/domain';
import { ApiError, badRequestBody } from './error-body';

export type JsonObject = Record<string, unknown>;

/** Lago's `params.require(:coupon)`: the root key must hold a non-empty object, else 400. */
export function rootObject(body: unknown, rootKey: string): JsonObject {
  const value = isPlainObject(body) ? body[rootKey] : undefined;
  if (!isPlainObject(value) || Object.keys(value).length === 0) throw new ApiError(badRequestBody(rootKey));
  return value;
}
