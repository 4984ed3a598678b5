import { addError, type CouponStatus, type FieldErrors, isPlainObject, LIMITS, parseDateTime } from '@coupons/domain';
import type { CouponSearch, CouponSearchColumn, CouponSearchCondition } from '../../coupons/coupon-search.repository';
import type { JsonObject } from '../../http/root-object';
import { requestObject } from './flexprice-coupon.parser';
import { engineValue, FLEXPRICE_CADENCES, FLEXPRICE_STATUSES, FLEXPRICE_TYPES } from './flexprice-vocabulary';

/** Flexprice's default page size. */
const DEFAULT_LIMIT = 50;

export interface ParsedSearch {
  /** Null: nothing can match (`status: deleted`, deleted coupons are never shown). */
  search: Omit<CouponSearch, 'organizationId'> | null;
  limit: number;
  offset: number;
  errors: FieldErrors;
}

type ValueKind = 'text' | 'number' | 'date';

interface SearchField {
  column: CouponSearchColumn;
  kind: ValueKind;
  /** Flexprice's words for the column's values, when it has its own. */
  vocabulary?: Record<string, string>;
  /** Currencies are matched in upper case, as stored. */
  upperCase?: boolean;
}

/** Flexprice's coupon fields a filter may name. */
const SEARCH_FIELDS: Record<string, SearchField> = {
  id: { column: 'lago_id', kind: 'text' },
  name: { column: 'name', kind: 'text' },
  coupon_code: { column: 'code', kind: 'text' },
  type: { column: 'coupon_type', kind: 'text', vocabulary: FLEXPRICE_TYPES },
  cadence: { column: 'frequency', kind: 'text', vocabulary: FLEXPRICE_CADENCES },
  currency: { column: 'amount_currency', kind: 'text', upperCase: true },
  max_redemptions: { column: 'max_redemptions', kind: 'number' },
  total_redemptions: { column: 'redemptions_count', kind: 'number' },
  created_at: { column: 'created_at', kind: 'date' },
  updated_at: { column: 'updated_at', kind: 'date' },
  redeem_before: { column: 'expiration_at', kind: 'date' },
  redeem_after: { column: 'starts_at', kind: 'date' },
};

/** Flexprice's filter operators, each for the kinds of value it compares. */
const OPERATORS: Record<string, { sql: CouponSearchCondition['operator']; kinds: ValueKind[] }> = {
  eq: { sql: '=', kinds: ['text', 'number'] },
  contains: { sql: 'LIKE', kinds: ['text'] },
  not_contains: { sql: 'NOT LIKE', kinds: ['text'] },
  in: { sql: 'IN', kinds: ['text'] },
  not_in: { sql: 'NOT IN', kinds: ['text'] },
  gt: { sql: '>', kinds: ['number', 'date'] },
  lt: { sql: '<', kinds: ['number', 'date'] },
  after: { sql: '>', kinds: ['date'] },
  before: { sql: '<', kinds: ['date'] },
};

const SORT_COLUMNS: Record<string, CouponSearch['order']['column']> = { created_at: 'created_at', updated_at: 'updated_at', name: 'name' };
const DIRECTIONS: Record<string, 'ASC' | 'DESC'> = { asc: 'ASC', desc: 'DESC' };

function integerIn(value: unknown, min: number, max: number, fallback: number, key: string, errors: FieldErrors): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  addError(errors, key, typeof value === 'number' && Number.isInteger(value) ? 'value_is_out_of_range' : 'value_is_invalid');
  return fallback;
}

/** A text value in the column's own terms; undefined when it is none of Flexprice's words. */
function columnText(field: SearchField, text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  if (field.vocabulary) return engineValue(field.vocabulary, text);
  return field.upperCase ? text.toUpperCase() : text;
}

/** One of Flexprice's `{field, operator, data_type, value: {string|number|date|array}}` as a condition. */
function condition(filter: unknown): CouponSearchCondition | null {
  if (!isPlainObject(filter) || typeof filter.field !== 'string' || typeof filter.operator !== 'string') return null;
  const field = Object.hasOwn(SEARCH_FIELDS, filter.field) ? SEARCH_FIELDS[filter.field] : undefined;
  const operator = Object.hasOwn(OPERATORS, filter.operator) ? OPERATORS[filter.operator] : undefined;
  if (!field || !operator || !operator.kinds.includes(field.kind) || !isPlainObject(filter.value)) return null;
  const value = filter.value;
  if (operator.sql === 'IN' || operator.sql === 'NOT IN') {
    const texts = Array.isArray(value.array) ? value.array.map((text) => columnText(field, text)) : [undefined];
    if (texts.some((text) => text === undefined)) return null;
    return { column: field.column, operator: operator.sql, value: texts as string[] };
  }
  if (field.kind === 'number') {
    return typeof value.number === 'number' && Number.isFinite(value.number) ? { column: field.column, operator: operator.sql, value: value.number } : null;
  }
  if (field.kind === 'date') {
    const date = parseDateTime(value.date ?? value.string);
    return date ? { column: field.column, operator: operator.sql, value: date } : null;
  }
  const text = columnText(field, value.string);
  return text === undefined ? null : { column: field.column, operator: operator.sql, value: text };
}

function order(body: JsonObject, errors: FieldErrors): CouponSearch['order'] {
  const direction = (word: unknown) => (typeof word === 'string' && Object.hasOwn(DIRECTIONS, word) ? DIRECTIONS[word] : undefined);
  const fallbackDirection = direction(body.order) ?? 'DESC';
  if (body.order !== undefined && body.order !== null && !direction(body.order)) addError(errors, 'order', 'value_is_invalid');
  if (body.sort === undefined || body.sort === null || (Array.isArray(body.sort) && body.sort.length === 0)) {
    return { column: 'created_at', direction: fallbackDirection };
  }
  const first: unknown = Array.isArray(body.sort) ? body.sort[0] : undefined;
  const column = isPlainObject(first) && typeof first.field === 'string' && Object.hasOwn(SORT_COLUMNS, first.field) ? SORT_COLUMNS[first.field] : undefined;
  const sortDirection = isPlainObject(first) && first.direction !== undefined ? direction(first.direction) : fallbackDirection;
  if (!column || !sortDirection) {
    addError(errors, 'sort', 'value_is_invalid');
    return { column: 'created_at', direction: fallbackDirection };
  }
  return { column, direction: sortDirection };
}

/**
 * `POST /coupons/search`: Flexprice's query filter. As in Flexprice, only published coupons unless `status`
 * says otherwise; `coupon_ids` and every filter must all hold.
 */
export function parseCouponSearch(requestBody: unknown): ParsedSearch {
  const body = requestObject(requestBody ?? {});
  const errors: FieldErrors = {};
  const limit = integerIn(body.limit, 1, LIMITS.perPageMax, DEFAULT_LIMIT, 'limit', errors);
  const offset = integerIn(body.offset, 0, LIMITS.maxInteger, 0, 'offset', errors);
  const conditions: CouponSearchCondition[] = [];

  let status: CouponStatus | null = 'active';
  if (body.status !== undefined && body.status !== null) {
    status = engineValue(FLEXPRICE_STATUSES, body.status) ?? null;
    if (status === null && body.status !== 'deleted') addError(errors, 'status', 'value_is_invalid');
  }
  if (body.coupon_ids !== undefined && body.coupon_ids !== null) {
    if (Array.isArray(body.coupon_ids) && body.coupon_ids.every((id) => typeof id === 'string')) {
      conditions.push({ column: 'lago_id', operator: 'IN', value: body.coupon_ids });
    } else {
      addError(errors, 'coupon_ids', 'value_is_invalid');
    }
  }
  if (body.filters !== undefined && body.filters !== null) {
    if (!Array.isArray(body.filters)) addError(errors, 'filters', 'value_is_invalid');
    else body.filters.forEach((filter, index) => {
      const parsed = condition(filter);
      if (parsed) conditions.push(parsed);
      else addError(errors, `filters[${index}]`, 'value_is_invalid');
    });
  }
  const nothingMatches = body.status === 'deleted';
  return { search: nothingMatches ? null : { status, conditions, order: order(body, errors) }, limit, offset, errors };
}
