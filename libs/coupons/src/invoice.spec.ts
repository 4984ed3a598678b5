import { parseInvoiceInput } from './invoice';

const valid = {
  external_invoice_id: 'inv_1',
  external_customer_id: 'cus_1',
  currency: 'EUR',
  fees: [
    { id: 'f1', amount_cents: 1000, plan_code: 'basic' },
    { id: 'f2', amount_cents: 0, billable_metric_code: 'calls', plan_code: null },
  ],
};
const errorsOf = (input: Record<string, unknown>, requireExternalInvoiceId = true) =>
  parseInvoiceInput(input, { requireExternalInvoiceId }).errors;

describe('parseInvoiceInput', () => {
  it('parses a valid invoice', () => {
    expect(parseInvoiceInput(valid, { requireExternalInvoiceId: true })).toEqual({
      errors: {},
      invoice: {
        externalInvoiceId: 'inv_1',
        externalCustomerId: 'cus_1',
        currency: 'EUR',
        fees: [
          { id: 'f1', amountCents: 1000, planCode: 'basic', billableMetricCode: null },
          { id: 'f2', amountCents: 0, planCode: null, billableMetricCode: 'calls' },
        ],
      },
    });
  });

  it('makes external_invoice_id optional for previews only', () => {
    const { external_invoice_id: _id, ...preview } = valid;
    expect(parseInvoiceInput(preview, { requireExternalInvoiceId: false })).toMatchObject({
      errors: {},
      invoice: { externalInvoiceId: null },
    });
    expect(errorsOf(preview)).toEqual({ external_invoice_id: ['value_is_mandatory'] });
    expect(errorsOf({ ...valid, external_invoice_id: '  ' })).toEqual({ external_invoice_id: ['value_is_mandatory'] });
    expect(errorsOf({ ...valid, external_invoice_id: 12 }, false)).toEqual({
      external_invoice_id: ['value_is_invalid'],
    });
    expect(errorsOf({ ...valid, external_invoice_id: 'i'.repeat(256) })).toEqual({
      external_invoice_id: ['value_is_invalid'],
    });
  });

  it.each<[unknown, string]>([
    [undefined, 'value_is_mandatory'],
    [null, 'value_is_mandatory'],
    ['', 'value_is_mandatory'],
    [5, 'value_is_invalid'],
  ])('checks external_customer_id %p', (value, key) => {
    expect(errorsOf({ ...valid, external_customer_id: value })).toEqual({ external_customer_id: [key] });
  });

  it.each<[unknown, string]>([
    [undefined, 'value_is_mandatory'],
    [null, 'value_is_mandatory'],
    ['eur', 'value_is_invalid'],
    ['XAU', 'value_is_invalid'],
    [978, 'value_is_invalid'],
    ['', 'value_is_invalid'],
  ])('checks currency %p', (value, key) => {
    expect(errorsOf({ ...valid, currency: value })).toEqual({ currency: [key] });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['null', null],
    ['an object', { id: 'f', amount_cents: 1 }],
    ['empty', []],
    [
      'a duplicate id',
      [
        { id: 'f', amount_cents: 1 },
        { id: 'f', amount_cents: 2 },
      ],
    ],
    ['a non-object fee', ['f']],
    ['a null fee', [null]],
    ['a missing id', [{ amount_cents: 1 }]],
    ['an empty id', [{ id: '', amount_cents: 1 }]],
    ['a numeric id', [{ id: 1, amount_cents: 1 }]],
    ['a negative amount', [{ id: 'f', amount_cents: -1 }]],
    ['a fractional amount', [{ id: 'f', amount_cents: 1.5 }]],
    ['a string amount', [{ id: 'f', amount_cents: '1' }]],
    ['a missing amount', [{ id: 'f' }]],
    ['an unsafe amount', [{ id: 'f', amount_cents: 2 ** 53 }]],
    ['a numeric plan code', [{ id: 'f', amount_cents: 1, plan_code: 5 }]],
    ['an array metric code', [{ id: 'f', amount_cents: 1, billable_metric_code: ['m'] }]],
    [
      'a total above 2^53-1',
      [
        { id: 'a', amount_cents: Number.MAX_SAFE_INTEGER },
        { id: 'b', amount_cents: 1 },
      ],
    ],
  ])('rejects fees that are %s', (_, fees) => {
    expect(errorsOf({ ...valid, fees })).toEqual({ fees: ['value_is_invalid'] });
  });

  it('accepts a single fee totalling exactly 2^53-1 and blank codes as no code', () => {
    const { invoice, errors } = parseInvoiceInput(
      {
        ...valid,
        fees: [{ id: 'a', amount_cents: Number.MAX_SAFE_INTEGER, plan_code: '', billable_metric_code: ' ' }],
      },
      { requireExternalInvoiceId: true },
    );
    expect(errors).toEqual({});
    expect(invoice.fees).toEqual([
      { id: 'a', amountCents: Number.MAX_SAFE_INTEGER, planCode: null, billableMetricCode: null },
    ]);
  });

  it('collects every error and returns placeholders', () => {
    expect(parseInvoiceInput({}, { requireExternalInvoiceId: true })).toEqual({
      errors: {
        external_invoice_id: ['value_is_mandatory'],
        external_customer_id: ['value_is_mandatory'],
        currency: ['value_is_mandatory'],
        fees: ['value_is_invalid'],
      },
      invoice: { externalInvoiceId: null, externalCustomerId: '', currency: '', fees: [] },
    });
  });
});
