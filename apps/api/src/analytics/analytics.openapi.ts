import { arrayOf, CURRENCY, DATE_TIME, INTEGER, MINOR_UNITS, nullable, objectSchema, ref } from '../http/common.openapi';
import { OVERVIEW_DAYS } from '@coupons/domain';

/** `GET /analytics/overview?days=`: the window's length in UTC days, today included. */
export const overviewDaysQuery = {
  name: 'days',
  required: false,
  description: `Whole number of UTC days from ${OVERVIEW_DAYS.min} to ${OVERVIEW_DAYS.max}, today included (default ${OVERVIEW_DAYS.default}); anything else is a 422 \`days: value_is_invalid\``,
  schema: { type: 'integer', minimum: OVERVIEW_DAYS.min, maximum: OVERVIEW_DAYS.max, default: OVERVIEW_DAYS.default },
};

const REDEMPTIONS = { ...INTEGER, description: 'Applied coupons created (terminated ones included)' };
const DISCOUNT = { ...MINOR_UNITS, description: 'Credits of committed (not voided) invoice discounts, in minor units of the currency' };

/** One UTC day of one currency. */
const overviewDay = objectSchema({
  date: { type: 'string', format: 'date', example: '2026-11-02' },
  redemptions_count: REDEMPTIONS,
  discount_amount_cents: DISCOUNT,
});

/** The window's totals in one currency, and every day of it. */
const overviewCurrency = objectSchema({
  currency: nullable({
    ...CURRENCY,
    description: "A fixed coupon's currency, else the customer's; for discounts, the invoice's. Null: percentage coupons applied to customers without a currency",
  }),
  redemptions_count: REDEMPTIONS,
  discount_amount_cents: DISCOUNT,
  daily: { ...arrayOf(ref('AnalyticsOverviewDay')), description: 'Every day of the window, oldest first, zeros included' },
});

/** The overview as `serializeOverview` writes it. */
const overview = objectSchema({
  days: INTEGER,
  from: { ...DATE_TIME, description: 'Midnight UTC starting the first day (included)' },
  to: { ...DATE_TIME, description: 'Midnight UTC after today (excluded)' },
  active_coupons: { ...INTEGER, description: 'Coupons active now (not terminated, expired or deleted)' },
  currencies: { ...arrayOf(ref('AnalyticsOverviewCurrency')), description: 'Currencies with activity in the window, alphabetically; null last' },
});

/** Named schemas of the analytics endpoints (`components.schemas`). */
export const analyticsSchemas = {
  AnalyticsOverviewDay: overviewDay,
  AnalyticsOverviewCurrency: overviewCurrency,
  AnalyticsOverview: overview,
  AnalyticsOverviewResponse: objectSchema({ overview: ref('AnalyticsOverview') }),
};

export const overviewResponse = ref('AnalyticsOverviewResponse');
