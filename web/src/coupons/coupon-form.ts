/**
 * The create/edit form's model: what the inputs hold (strings, major units, local times) and how
 * that becomes a wire `coupon` payload. Validation is the domain's own `buildCouponAttributes`,
 * the same table the API runs, plus the checks only the form can make (typed amounts and dates).
 */
import {
  buildCouponAttributes, checkExpirationAtInput, LOCKED_COUPON_FIELDS, type CouponType, type Expiration,
  type Frequency,
} from '@coupons/domain';
import type { Coupon } from '../api/types';
import { localInputToUtc, utcToLocalInput } from './datetime';
import { fieldErrorText } from './error-messages';
import { minorToMajorInput, parseMajorAmount } from './money';

export type LimitTo = 'none' | 'plans' | 'billable_metrics';
export interface KeyValueRow { id: number; key: string; value: string }
export interface CurrencyRow { id: number; currency: string; amount: string }

export interface CouponFormValues {
  name: string;
  code: string;
  description: string;
  coupon_type: CouponType;
  amount: string;
  amount_currency: string;
  percentage_rate: string;
  frequency: Frequency;
  frequency_duration: string;
  expiration: Expiration;
  expiration_at: string;
  reusable: boolean;
  limit_to: LimitTo;
  plan_codes: string[];
  billable_metric_codes: string[];
  max_redemptions: string;
  starts_at: string;
  metadata: KeyValueRow[];
  currency_options: CurrencyRow[];
}

/** Field → message, keyed by wire field names so server errors land on the same inputs. */
export type FormErrors = Record<string, string>;

/** Wire fields the form shows an input for; an error on any other field is shown at form level. */
export const FORM_FIELDS = [
  'name', 'code', 'description', 'coupon_type', 'amount_cents', 'amount_currency', 'percentage_rate', 'frequency',
  'frequency_duration', 'expiration', 'expiration_at', 'reusable', 'applies_to', 'max_redemptions', 'starts_at',
  'metadata', 'currency_options',
] as const;

/**
 * Fields frozen once a coupon has been applied: the domain's locked attributes, plus `applies_to`, whose
 * plan and metric lists the API checks apart from the attributes. Both answer `value_is_locked` on a change.
 */
const LOCKED_AFTER_APPLICATION: ReadonlySet<string> = new Set([...LOCKED_COUPON_FIELDS, 'applies_to']);

export const isLockedField = (field: string, applied: boolean): boolean =>
  applied && LOCKED_AFTER_APPLICATION.has(field);

/** How the form names a field in prose, where its wire name doesn't read well. */
const FIELD_NOUNS: Partial<Record<(typeof FORM_FIELDS)[number], string>> = {
  expiration_at: 'expiration',
  max_redemptions: 'redemption limit',
  starts_at: 'start date',
};

/** "name, description, … and metadata": what an applied coupon's form still lets the operator change. */
export function editableAfterApplication(): string {
  const editable = FORM_FIELDS.filter((field) => !isLockedField(field, true));
  const nouns = [...new Set(editable.map((field) => FIELD_NOUNS[field] ?? field.replaceAll('_', ' ')))];
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}` : nouns.join('');
}

let lastRowId = 0;
export const nextRowId = (): number => ++lastRowId;

export function emptyForm(): CouponFormValues {
  return {
    name: '', code: '', description: '', coupon_type: 'fixed_amount', amount: '', amount_currency: 'USD',
    percentage_rate: '', frequency: 'once', frequency_duration: '', expiration: 'no_expiration', expiration_at: '',
    reusable: true, limit_to: 'none', plan_codes: [], billable_metric_codes: [], max_redemptions: '', starts_at: '',
    metadata: [], currency_options: [],
  };
}

export function formFromCoupon(coupon: Coupon): CouponFormValues {
  const currency = coupon.amount_currency ?? 'USD';
  return {
    name: coupon.name,
    code: coupon.code,
    description: coupon.description ?? '',
    coupon_type: coupon.coupon_type,
    amount: coupon.amount_cents === null ? '' : minorToMajorInput(coupon.amount_cents, currency),
    amount_currency: currency,
    percentage_rate: coupon.percentage_rate ?? '',
    frequency: coupon.frequency,
    frequency_duration: coupon.frequency_duration === null ? '' : String(coupon.frequency_duration),
    expiration: coupon.expiration,
    expiration_at: utcToLocalInput(coupon.expiration_at),
    reusable: coupon.reusable,
    limit_to: coupon.plan_codes.length ? 'plans' : coupon.billable_metric_codes.length ? 'billable_metrics' : 'none',
    plan_codes: coupon.plan_codes,
    billable_metric_codes: coupon.billable_metric_codes,
    max_redemptions: coupon.max_redemptions === null ? '' : String(coupon.max_redemptions),
    starts_at: utcToLocalInput(coupon.starts_at),
    metadata: Object.entries(coupon.metadata).map(([key, value]) => ({ id: nextRowId(), key, value })),
    currency_options: Object.entries(coupon.currency_options).map(([code, option]) => ({
      id: nextRowId(),
      currency: code,
      amount: minorToMajorInput(option.amount_cents, code),
    })),
  };
}

/** Blank → null, digits → number; anything else is a typing error the caller reports. */
export function wholeNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

export function metadataObject(rows: KeyValueRow[], errors: FormErrors): Record<string, string> {
  const filled = rows.filter((row) => row.key.trim() !== '' || row.value !== '');
  if (filled.some((row) => row.key.trim() === '')) errors.metadata = 'Every value needs a key';
  const keys = filled.map((row) => row.key.trim());
  if (new Set(keys).size !== keys.length) errors.metadata = 'Each key can appear only once';
  return Object.fromEntries(filled.map((row) => [row.key.trim(), row.value]));
}

function currencyOptionsObject(rows: CurrencyRow[], errors: FormErrors): Record<string, { amount_cents: number }> {
  const options: Record<string, { amount_cents: number }> = {};
  for (const row of rows) {
    if (Object.hasOwn(options, row.currency)) {
      errors.currency_options = `${row.currency} is listed twice`;
      continue;
    }
    const amount = parseMajorAmount(row.amount, row.currency);
    if (amount.ok) options[row.currency] = { amount_cents: amount.cents };
    else errors.currency_options = `${row.currency}: ${amount.error}`;
  }
  return options;
}

export interface SubmissionContext {
  mode: 'create' | 'edit';
  /** The coupon has been applied at least once: only the always-editable fields are sent. */
  applied: boolean;
  redemptionsCount: number;
  now: Date;
}

/** The wire payload for `{"coupon": …}` and every error the form can already see. */
export function buildSubmission(
  values: CouponFormValues,
  context: SubmissionContext,
): { payload: Record<string, unknown>; errors: FormErrors } {
  const formErrors: FormErrors = {};
  const input: Record<string, unknown> = {
    name: values.name,
    description: values.description.trim() === '' ? null : values.description,
    coupon_type: values.coupon_type,
    frequency: values.frequency,
    expiration: values.expiration,
    reusable: values.reusable,
  };
  // A create without a code lets the API generate a readable, unique one.
  if (context.mode === 'edit' || values.code.trim() !== '') input.code = values.code;

  if (values.coupon_type === 'fixed_amount') {
    input.amount_currency = values.amount_currency;
    const amount = parseMajorAmount(values.amount, values.amount_currency);
    if (amount.ok) input.amount_cents = amount.cents;
    else formErrors.amount_cents = amount.error;
    input.currency_options = currencyOptionsObject(values.currency_options, formErrors);
  } else {
    input.percentage_rate = values.percentage_rate.trim() === '' ? null : values.percentage_rate.trim();
  }

  if (values.frequency === 'recurring') {
    const duration = wholeNumber(values.frequency_duration);
    if (duration === 'invalid') formErrors.frequency_duration = 'Enter a whole number';
    else input.frequency_duration = duration;
  }

  if (values.expiration === 'time_limit') {
    input.expiration_at = localInputToUtc(values.expiration_at);
    if (checkExpirationAtInput(input, context.now)) formErrors.expiration_at = 'Pick a date and time in the future';
  }

  const startsAt = values.starts_at.trim();
  input.starts_at = startsAt === '' ? null : localInputToUtc(startsAt);
  if (startsAt !== '' && input.starts_at === null) formErrors.starts_at = 'Pick a valid date and time';

  const maxRedemptions = wholeNumber(values.max_redemptions);
  if (maxRedemptions === 'invalid') formErrors.max_redemptions = 'Enter a whole number';
  else input.max_redemptions = maxRedemptions;
  if (typeof maxRedemptions === 'number' && maxRedemptions < context.redemptionsCount) {
    formErrors.max_redemptions = `Cannot be below the ${context.redemptionsCount} redemptions so far`;
  }

  input.metadata = metadataObject(values.metadata, formErrors);

  // The two lists are exclusive by construction: only the chosen one can be non-empty.
  input.applies_to = {
    plan_codes: values.limit_to === 'plans' ? values.plan_codes : [],
    billable_metric_codes: values.limit_to === 'billable_metrics' ? values.billable_metric_codes : [],
  };
  if (values.limit_to === 'plans' && values.plan_codes.length === 0) formErrors.applies_to = 'Pick at least one plan';
  if (values.limit_to === 'billable_metrics' && values.billable_metric_codes.length === 0) {
    formErrors.applies_to = 'Pick at least one billable metric';
  }

  const { errors: domainErrors } = buildCouponAttributes(input, null);
  const errors: FormErrors = {};
  for (const field of Object.keys(domainErrors)) errors[field] = fieldErrorText(domainErrors, field) ?? '';
  Object.assign(errors, formErrors);

  const payload = context.applied
    ? Object.fromEntries(Object.entries(input).filter(([field]) => !isLockedField(field, true)))
    : input;
  return { payload, errors };
}
