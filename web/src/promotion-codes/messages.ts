/**
 * Sentences for the promotion code and batch forms. Their fields share wire names with the coupon's
 * (`code`, `max_redemptions`, …) but not its rules, so they have their own table; the limits come from the domain.
 */
import { LIMITS, PROMOTION_CODE_BATCH_LIMITS, PROMOTION_CODE_LIMITS } from '@coupons/domain';
import type { PromotionCodeValidation } from '../api/types';
import type { FieldMessages } from '../coupons/error-messages';
import { formatCount } from './format';

const batch = PROMOTION_CODE_BATCH_LIMITS;
const WHOLE_NUMBER = 'Enter a whole number';

/** "1 %": the share of the code space a batch may take. */
export const CODE_SPACE_SHARE = `${100 / batch.codeSpaceShareDivisor} %`;

export const PROMOTION_CODE_MESSAGES: FieldMessages = {
  code: {
    value_is_invalid: `${PROMOTION_CODE_LIMITS.minLength}–${PROMOTION_CODE_LIMITS.maxLength} letters, digits or “-”`,
    value_already_exist: 'Another promotion code already uses this code (case does not matter)',
  },
  max_redemptions: {
    value_is_invalid: WHOLE_NUMBER,
    value_is_out_of_range: 'Enter a whole number of at least 1, not above the coupon’s own limit',
  },
  expires_at: {
    invalid_date: 'Pick a date and time in the future',
    value_is_out_of_range: 'Pick a date no later than the coupon’s expiration',
  },
  customer_external_id: { value_is_invalid: 'This external ID is not valid' },
  minimum_amount_cents: {
    value_is_mandatory: 'Enter the minimum amount for this currency',
    value_is_invalid: 'Enter an amount such as 50.00',
    value_is_out_of_range: 'This amount is too large',
  },
  minimum_amount_currency: {
    value_is_mandatory: 'Pick the currency of the minimum amount',
    value_is_invalid: 'Pick a currency from the list',
  },
  metadata: {
    value_is_invalid: `Up to ${LIMITS.metadataMaxKeys} entries; keys of 1–${LIMITS.metadataKeyMaxLength} characters, values up to ${LIMITS.metadataValueMaxLength}`,
  },
  count: {
    value_is_mandatory: 'Enter how many codes to generate',
    value_is_invalid: WHOLE_NUMBER,
    value_is_out_of_range: `From ${batch.countMin} to ${formatCount(batch.countMax)}, and at most ${CODE_SPACE_SHARE} of the codes the random part can spell: a longer random part allows more`,
  },
  prefix: {
    value_is_invalid: 'Letters, digits and “-” only',
    value_is_out_of_range: `At most ${batch.prefixMaxLength} characters`,
  },
  length: {
    value_is_invalid: WHOLE_NUMBER,
    value_is_out_of_range: `From ${batch.lengthMin} to ${batch.lengthMax} characters`,
  },
};

/** Why a code would be refused for a customer now, as the checkout validation answers. */
export const REFUSAL_REASONS: Record<NonNullable<PromotionCodeValidation['reason']>, string> = {
  customer_not_found: 'No customer has this external ID.',
  promotion_code_not_found: 'No promotion code matches (case does not matter).',
  promotion_code_inactive: 'The code is deactivated.',
  promotion_code_expired: 'The code has expired.',
  customer_not_eligible: 'The code is reserved for another customer.',
  first_time_only: 'The code is for first-time customers only, and this customer already had a discount.',
  max_redemptions_reached: 'The code, or its coupon, has reached its maximum number of redemptions.',
  coupon_not_found: 'The code’s coupon is deleted, terminated or expired.',
  coupon_not_yet_redeemable: 'The code’s coupon cannot be redeemed before its start date.',
  plan_overlapping: 'The customer already has an active coupon on an overlapping plan or billable metric.',
  coupon_is_not_reusable: 'The coupon is not reusable and the customer already had it.',
};
