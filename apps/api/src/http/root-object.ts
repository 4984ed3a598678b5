import { ApiError, badRequestBody } from './error-body';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lago's `params.require(:coupon)`: the root key must hold a non-empty object, else 400. */
export function rootObject(body: unknown, rootKey: string): JsonObject {
  const value = isJsonObject(body) ? body[rootKey] : undefined;
  if (!isJsonObject(value) || Object.keys(value).length === 0) throw new ApiError(badRequestBody(rootKey));
  return value;
}
