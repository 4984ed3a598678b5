/** The discount engine's invoice input (`{"invoice": {…, "fees": […]}}`), parsed into a trusted shape. */
import { ERROR_KEYS, type FieldErrors, addError } from './enums';
import { LIMITS, charLength } from './limits';
import { isCurrencyCode } from './currencies';
import { isBlank } from './codes';
import { isPlainObject } from './field-rules';

export interface InvoiceFee {
  id: string;
  amountCents: number;
  planCode: string | null;
  billableMetricCode: string | null;
}

export interface InvoiceInput {
  externalInvoiceId: string | null;
  externalCustomerId: string;
  currency: string;
  fees: InvoiceFee[];
}

/**
 * An invoice's own ids and the codes it names: null when absent or blank, `undefined` when not a string
 * of at most 255 characters (the VARCHAR(255) they are stored or looked up in). Looser than
 * `identifierError`: these ids belong to the billing system that sends them, and a code naming no plan
 * or metric of ours simply matches no coupon.
 */
function invoiceId(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || charLength(value) > LIMITS.codeMaxLength) return undefined;
  return isBlank(value) ? null : value;
}

function parseFee(value: unknown): InvoiceFee | null {
  if (!isPlainObject(value)) return null;
  const id = invoiceId(value.id);
  const planCode = invoiceId(value.plan_code);
  const billableMetricCode = invoiceId(value.billable_metric_code);
  const amountCents = value.amount_cents;
  if (typeof id !== 'string' || planCode === undefined || billableMetricCode === undefined) return null;
  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents < 0) return null;
  return { id, amountCents, planCode, billableMetricCode };
}

/** Fees must be a non-empty list of distinct ids whose total stays a safe integer; any flaw fails the list. */
function parseFees(value: unknown): InvoiceFee[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const fees: InvoiceFee[] = [];
  const ids = new Set<string>();
  let total = 0;
  for (const raw of value) {
    const fee = parseFee(raw);
    if (fee === null || ids.has(fee.id)) return null;
    total += fee.amountCents;
    if (total > LIMITS.maxInteger) return null;
    ids.add(fee.id);
    fees.push(fee);
  }
  return fees;
}

/**
 * `external_invoice_id` is optional for a preview (`requireExternalInvoiceId: false`) and
 * mandatory when the discount is recorded. All field errors are collected.
 */
export function parseInvoiceInput(
  input: Record<string, unknown>,
  opts: { requireExternalInvoiceId: boolean },
): { invoice: InvoiceInput; errors: FieldErrors } {
  const errors: FieldErrors = {};

  const externalInvoiceId = invoiceId(input.external_invoice_id);
  if (externalInvoiceId === undefined) addError(errors, 'external_invoice_id', ERROR_KEYS.value_is_invalid);
  if (externalInvoiceId === null && opts.requireExternalInvoiceId) {
    addError(errors, 'external_invoice_id', ERROR_KEYS.value_is_mandatory);
  }

  const externalCustomerId = invoiceId(input.external_customer_id);
  if (externalCustomerId === undefined) addError(errors, 'external_customer_id', ERROR_KEYS.value_is_invalid);
  if (externalCustomerId === null) addError(errors, 'external_customer_id', ERROR_KEYS.value_is_mandatory);

  const currency = input.currency;
  if (currency === null || currency === undefined) addError(errors, 'currency', ERROR_KEYS.value_is_mandatory);
  else if (!isCurrencyCode(currency)) addError(errors, 'currency', ERROR_KEYS.value_is_invalid);

  const fees = parseFees(input.fees);
  if (fees === null) addError(errors, 'fees', ERROR_KEYS.value_is_invalid);

  return {
    invoice: {
      externalInvoiceId: externalInvoiceId ?? null,
      externalCustomerId: externalCustomerId ?? '',
      currency: isCurrencyCode(currency) ? currency : '',
      fees: fees ?? [],
    },
    errors,
  };
}
