'use strict';
/**
 * POST /api/v1/invoice_discounts/preview: the customer, its active applied coupons (one JOIN), then
 * computeInvoiceDiscount from libs/coupons.
 */
const { computeInvoiceDiscount, parseInvoiceInput, formatPercentageRate } = require('../../libs/coupons/dist');
const { pool } = require('./db');
const { send, notFound, badRequest, unprocessable, readBody, rootObject } = require('./http');
const { num } = require('./coupons');

async function previewDiscount(org, req, res) {
  const input = rootObject(await readBody(req), 'invoice');
  if (!input) return badRequest(res, 'invoice');
  const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: false });
  if (Object.keys(errors).length) return unprocessable(res, errors);
  const [customers] = await pool.execute('SELECT id, external_id FROM customers WHERE organization_id = ? AND external_id = ?', [
    org.id,
    invoice.externalCustomerId,
  ]);
  const customer = customers[0];
  if (!customer) return notFound(res, 'customer_not_found');
  const [applied] = await pool.execute(
    'SELECT a.id, a.lago_id, a.coupon_id, a.amount_cents, a.amount_currency, a.percentage_rate, a.frequency, ' +
      'a.frequency_duration_remaining, a.amount_cents_remaining, c.code, c.coupon_type, c.limited_plans, c.limited_billable_metrics ' +
      "FROM applied_coupons a JOIN coupons c ON c.id = a.coupon_id WHERE a.customer_id = ? AND a.status = 'active' " +
      'ORDER BY a.created_at, a.id',
    [customer.id],
  );
  const limitedIds = [...new Set(applied.filter((row) => row.limited_plans || row.limited_billable_metrics).map((row) => row.coupon_id))];
  const targets = new Map();
  if (limitedIds.length) {
    const [rows] = await pool.query(
      'SELECT t.coupon_id, p.code AS plan_code, m.code AS metric_code FROM coupon_targets t LEFT JOIN plans p ON p.id = t.plan_id ' +
        'LEFT JOIN billable_metrics m ON m.id = t.billable_metric_id WHERE t.coupon_id IN (?) ORDER BY t.id',
      [limitedIds],
    );
    for (const row of rows) {
      const entry = targets.get(row.coupon_id) || { planCodes: [], billableMetricCodes: [] };
      if (row.plan_code !== null) entry.planCodes.push(row.plan_code);
      if (row.metric_code !== null) entry.billableMetricCodes.push(row.metric_code);
      targets.set(row.coupon_id, entry);
    }
  }
  const coupons = applied.map((row) => ({
    id: row.lago_id,
    couponCode: row.code,
    couponType: row.coupon_type,
    amountCents: num(row.amount_cents),
    amountCurrency: row.amount_currency,
    percentageRate: formatPercentageRate(row.percentage_rate),
    frequency: row.frequency,
    frequencyDurationRemaining: num(row.frequency_duration_remaining),
    amountCentsRemaining: num(row.amount_cents_remaining),
    planCodes: (targets.get(row.coupon_id) || {}).planCodes || [],
    billableMetricCodes: (targets.get(row.coupon_id) || {}).billableMetricCodes || [],
  }));
  const result = computeInvoiceDiscount(invoice, coupons);
  send(res, 200, {
    invoice_discount: {
      lago_id: null,
      external_invoice_id: invoice.externalInvoiceId,
      external_customer_id: customer.external_id,
      currency: invoice.currency,
      status: 'preview',
      fees_amount_cents: result.feesAmountCents,
      coupons_amount_cents: result.couponsAmountCents,
      sub_total_excluding_taxes_amount_cents: result.feesAmountCents - result.couponsAmountCents,
      fees: result.fees.map((fee) => ({ id: fee.id, amount_cents: fee.amountCents, coupons_amount_cents: fee.couponsAmountCents })),
      credits: result.credits.map((credit) => ({
        lago_applied_coupon_id: credit.appliedCouponId,
        coupon_code: credit.couponCode,
        amount_cents: credit.amountCents,
        amount_currency: credit.amountCurrency,
        fees: credit.fees.map((fee) => ({ id: fee.id, amount_cents: fee.amountCents })),
      })),
      created_at: null,
    },
  });
}

module.exports = { previewDiscount };
