/** Wire error keys and codes (`error_details` keys, `code`) turned into sentences an operator can act on. */
import { LIMITS, type FieldErrors } from '@coupons/domain';

const GENERIC: Record<string, string> = {
  value_is_mandatory: 'This field is required',
  value_is_invalid: 'This value is not valid',
  value_is_out_of_range: 'This value is out of range',
  value_already_exist: 'This value is already used',
  value_is_locked: 'Locked: the coupon has already been applied',
  invalid_date: 'Pick a valid date in the future',
  coupon_is_not_reusable: 'This coupon is not reusable and the customer already had it',
  max_redemptions_reached: 'This coupon has reached its maximum number of redemptions',
  coupon_not_yet_redeemable: 'This coupon cannot be redeemed before its start date',
  coupon_is_terminated: 'This coupon is terminated: it cannot get new codes',
};

/** Where a field needs a more precise sentence than the generic one. */
const BY_FIELD: Record<string, Record<string, string>> = {
  name: { value_is_out_of_range: `At most ${LIMITS.nameMaxLength} characters` },
  code: {
    value_already_exist: 'This code is already used',
    value_is_invalid: 'Codes cannot contain spaces or “/”',
    value_is_out_of_range: `At most ${LIMITS.codeMaxLength} characters`,
  },
  description: { value_is_out_of_range: `At most ${LIMITS.descriptionMaxLength} characters` },
  amount_cents: { value_is_mandatory: 'Enter an amount', value_is_out_of_range: 'Enter an amount greater than 0' },
  amount_currency: { value_is_invalid: 'Pick a currency from the list' },
  percentage_rate: {
    value_is_mandatory: 'Enter a percentage',
    value_is_invalid: `Enter a number with at most ${LIMITS.percentageMaxDecimals} decimals`,
    value_is_out_of_range: 'Enter a rate above 0 and at most 100',
  },
  frequency_duration: {
    value_is_mandatory: 'Enter the number of billing periods',
    value_is_invalid: 'Enter a whole number',
    value_is_out_of_range: 'Enter a whole number of at least 1',
  },
  expiration_at: { value_is_mandatory: 'Pick when the coupon expires', invalid_date: 'Pick a date and time in the future' },
  starts_at: { value_is_invalid: 'Pick a valid date and time' },
  max_redemptions: {
    value_is_invalid: 'Enter a whole number',
    value_is_out_of_range: 'Enter a whole number of at least 1, not below the redemptions so far',
  },
  metadata: {
    value_is_invalid: `Up to ${LIMITS.metadataMaxKeys} entries; keys of 1–${LIMITS.metadataKeyMaxLength} characters, values up to ${LIMITS.metadataValueMaxLength}`,
  },
  currency_options: {
    value_is_invalid: 'Each extra currency needs its own currency and a positive amount',
  },
  external_customer_id: { value_is_mandatory: 'Enter the customer’s external ID' },
};

/** Form-level failures (404/405 codes): they concern the request as a whole, not one field. */
const BY_CODE: Record<string, string> = {
  only_one_limitation_type_per_coupon_allowed: 'A coupon can be limited to plans or to billable metrics, not both.',
  plans_not_found: 'One of the selected plans does not exist any more. Reload the page and pick again.',
  billable_metrics_not_found: 'One of the selected billable metrics does not exist any more. Reload and pick again.',
  coupon_not_found: 'This coupon does not exist, or it is terminated or expired.',
  customer_not_found: 'No customer has this external ID.',
  plan_overlapping: 'This customer already has an active coupon on an overlapping plan or billable metric.',
  promotion_code_not_found: 'This promotion code does not exist any more. Reload the page.',
  promotion_code_batch_not_found: 'This batch of codes does not exist any more. Reload the page.',
  batch_not_completed: 'The batch is still being generated: its codes can be downloaded once it completes.',
  network_error: 'The server could not be reached. Check your connection and try again.',
};

/** Field → error key → sentence, for a form whose fields share a wire name with the coupon's but not its rules. */
export type FieldMessages = Record<string, Record<string, string>>;

export function fieldMessage(field: string, key: string, messages: FieldMessages = BY_FIELD): string {
  return messages[field]?.[key] ?? GENERIC[key] ?? key.replaceAll('_', ' ');
}

/** All problems of one field as a single line, or undefined when it has none. */
export function fieldErrorText(errors: FieldErrors, field: string, messages?: FieldMessages): string | undefined {
  const keys = errors[field];
  return keys?.length ? keys.map((key) => fieldMessage(field, key, messages)).join('. ') : undefined;
}

export function codeMessage(code: string | null, fallback: string): string {
  return (code && BY_CODE[code]) || fallback;
}

/** Readable label for a wire field name, for errors on a field the form doesn't show. */
export function humanizeField(field: string): string {
  const text = field.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
