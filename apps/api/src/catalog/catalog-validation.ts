import { addError, FieldErrors, isCurrencyCode, LIMITS } from '@coupons/domain';
import type { JsonObject } from '../http/root-object';

/** A mandatory, non-blank string of at most 255 characters (names, codes, external ids). */
export function requireString(input: JsonObject, field: string, errors: FieldErrors): string | null {
  const value = input[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    addError(errors, field, 'value_is_mandatory');
    return null;
  }
  if (typeof value !== 'string') {
    addError(errors, field, 'value_is_invalid');
    return null;
  }
  if (value.length > LIMITS.codeMaxLength) {
    addError(errors, field, 'value_is_out_of_range');
    return null;
  }
  return value;
}

export function optionalString(input: JsonObject, field: string, errors: FieldErrors): string | null {
  const value = input[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return addError(errors, field, 'value_is_invalid'), null;
  if (value.length > LIMITS.nameMaxLength) return addError(errors, field, 'value_is_out_of_range'), null;
  return value;
}

export function optionalCurrency(input: JsonObject, field: string, errors: FieldErrors): string | null {
  const value = input[field];
  if (value === undefined || value === null) return null;
  if (!isCurrencyCode(value)) return addError(errors, field, 'value_is_invalid'), null;
  return value;
}

export function requireEnum<T extends string>(input: JsonObject, field: string, values: readonly T[], errors: FieldErrors): T | null {
  const value = input[field];
  if (value === undefined || value === null) return addError(errors, field, 'value_is_mandatory'), null;
  if (typeof value !== 'string' || !values.includes(value as T)) return addError(errors, field, 'value_is_invalid'), null;
  return value as T;
}

/** Codes and external ids are used in URL paths: no whitespace, no slash. */
export function checkPathSafe(value: string | null, field: string, errors: FieldErrors): void {
  if (value !== null && /[\s/]/u.test(value)) addError(errors, field, 'value_is_invalid');
}
