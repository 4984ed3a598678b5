import type { FieldErrors } from '@coupons/domain';

/** What a use case can answer besides success; the HTTP layer maps each kind to its status in one place. */
export type Failure =
  | { kind: 'not_found'; code: string }
  | { kind: 'not_allowed'; code: string }
  | { kind: 'validation'; errors: FieldErrors };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const notFound = (code: string): Result<never> => ({ ok: false, failure: { kind: 'not_found', code } });
export const notAllowed = (code: string): Result<never> => ({ ok: false, failure: { kind: 'not_allowed', code } });
export const invalid = (errors: FieldErrors): Result<never> => ({ ok: false, failure: { kind: 'validation', errors } });
export const invalidField = (field: string, key: string): Result<never> => invalid({ [field]: [key] });
