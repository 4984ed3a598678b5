/**
 * The preview form's values and the request body they make. Amounts are typed in major units and sent
 * in minor units; everything else is left for the API to judge, so its field errors show where they belong.
 */
import type { FieldErrors } from '@coupons/domain';
import { parseMajorAmount } from '../coupons/money';

export interface FeeRow {
  /** React's key for the row, never sent. */
  key: number;
  id: string;
  amount: string;
  planCode: string;
  billableMetricCode: string;
}

export interface PreviewValues {
  externalCustomerId: string;
  currency: string;
  fees: FeeRow[];
}

let lastKey = 0;

export function newFeeRow(position: number): FeeRow {
  lastKey += 1;
  return { key: lastKey, id: `fee_${position}`, amount: '', planCode: '', billableMetricCode: '' };
}

export const initialPreviewValues = (): PreviewValues => ({ externalCustomerId: '', currency: 'EUR', fees: [newFeeRow(1)] });

/** A fee may be free ("0"); any other amount follows the coupon form's rules for the currency. */
function feeAmount(text: string, currency: string): { ok: true; cents: number } | { ok: false; error: string } {
  if (/^\s*0+(?:[.,]0*)?\s*$/.test(text)) return { ok: true, cents: 0 };
  return parseMajorAmount(text, currency);
}

export type PreviewBody = {
  invoice: {
    external_customer_id: string;
    currency: string;
    fees: { id: string; amount_cents: number; plan_code?: string; billable_metric_code?: string }[];
  };
};

/** The body, or the amount errors by row key (shown beside each amount). */
export function previewBody(values: PreviewValues): { body: PreviewBody; amountErrors: Record<number, string> } {
  const amountErrors: Record<number, string> = {};
  const fees = values.fees.map((row) => {
    const amount = feeAmount(row.amount, values.currency);
    if (!amount.ok) amountErrors[row.key] = amount.error;
    return {
      id: row.id.trim(),
      amount_cents: amount.ok ? amount.cents : 0,
      ...(row.planCode.trim() ? { plan_code: row.planCode.trim() } : {}),
      ...(row.billableMetricCode.trim() ? { billable_metric_code: row.billableMetricCode.trim() } : {}),
    };
  });
  return { body: { invoice: { external_customer_id: values.externalCustomerId.trim(), currency: values.currency, fees } }, amountErrors };
}

/** The API's `fees` error concerns the list as a whole: distinct ids, each with an id and an amount. */
export const PREVIEW_MESSAGES = {
  fees: { value_is_invalid: 'Each fee needs an ID of its own (at most 255 characters) and an amount; the total must stay within limits' },
  currency: { value_is_invalid: 'Pick a currency from the list', value_is_mandatory: 'Pick a currency' },
  external_customer_id: {
    value_is_mandatory: 'Enter the customer’s external ID',
    value_is_invalid: 'At most 255 characters',
    // A 404 of the request, shown on the field it is about.
    customer_not_found: 'No customer has this external ID',
  },
};

/** Errors on a field the form has no input for: shown above the form rather than dropped. */
export function otherErrors(errors: FieldErrors): string[] {
  return Object.keys(errors).filter((field) => !(field in PREVIEW_MESSAGES));
}
