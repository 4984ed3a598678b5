'use strict';
/**
 * POST /api/v1/applied_coupons: one transaction — customer row locked, coupon read, the conditional
 * UPDATE of redemptions_count, one INSERT into applied_coupons and the change's event.
 */
const { randomUUID } = require('node:crypto');
const { formatDateTime, formatPercentageRate } = require('../../libs/coupons/dist');
const { pool } = require('./db');
const { eventInsert } = require('./outbox');
const { send, notFound, badRequest, readBody, rootObject } = require('./http');
const { num } = require('./coupons');

async function applyCoupon(org, req, res) {
  const input = rootObject(await readBody(req), 'applied_coupon');
  if (!input) return badRequest(res, 'applied_coupon');
  if (typeof input.external_customer_id !== 'string') return notFound(res, 'customer_not_found');
  if (typeof input.coupon_code !== 'string') return notFound(res, 'coupon_not_found');
  const connection = await pool.getConnection();
  let outcome;
  try {
    await connection.query('START TRANSACTION');
    outcome = await applyIn(connection, org, input, new Date());
    await connection.query(outcome.ok ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
  if (!outcome.ok) return send(res, outcome.status, outcome.body);
  send(res, 200, { applied_coupon: outcome.value });
}

const fail = (status, body) => ({ ok: false, status, body });
const couponError = (key) =>
  fail(422, { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { coupon: [key] } });

async function applyIn(connection, org, input, now) {
  const [customers] = await connection.execute(
    'SELECT id, lago_id, external_id, currency FROM customers WHERE organization_id = ? AND external_id = ? FOR UPDATE',
    [org.id, input.external_customer_id],
  );
  const customer = customers[0];
  if (!customer) return fail(404, { status: 404, error: 'Not Found', code: 'customer_not_found' });
  const [coupons] = await connection.execute('SELECT * FROM coupons WHERE organization_id = ? AND live_code = ?', [
    org.id,
    input.coupon_code,
  ]);
  const coupon = coupons[0];
  const live = coupon && coupon.status === 'active' && coupon.deleted_at === null && (coupon.expiration_at === null || coupon.expiration_at > now);
  if (!live) return fail(404, { status: 404, error: 'Not Found', code: 'coupon_not_found' });
  if (coupon.starts_at !== null && coupon.starts_at > now) return couponError('coupon_not_yet_redeemable');
  if (coupon.limited_plans || coupon.limited_billable_metrics) {
    return fail(501, { status: 501, error: 'limited coupons are not part of the floor' });
  }
  if (!coupon.reusable) {
    const [used] = await connection.execute('SELECT 1 FROM applied_coupons WHERE coupon_id = ? AND customer_id = ? LIMIT 1', [
      coupon.id,
      customer.id,
    ]);
    if (used.length) return couponError('coupon_is_not_reusable');
  }
  const [update] = await connection.execute(
    'UPDATE coupons SET redemptions_count = redemptions_count + 1 WHERE id = ? AND status = ? AND deleted_at IS NULL ' +
      'AND (max_redemptions IS NULL OR redemptions_count < max_redemptions) AND (expiration_at IS NULL OR expiration_at > ?)',
    [coupon.id, 'active', now],
  );
  if (!update.affectedRows) return couponError('max_redemptions_reached');

  const recurring = coupon.frequency === 'recurring';
  const fixedOnce = coupon.coupon_type === 'fixed_amount' && coupon.frequency === 'once';
  const applied = {
    lago_id: randomUUID(),
    amount_cents: num(coupon.amount_cents),
    amount_cents_remaining: fixedOnce ? num(coupon.amount_cents) : null,
    amount_currency: coupon.amount_currency,
    percentage_rate: coupon.percentage_rate,
    frequency: coupon.frequency,
    frequency_duration: recurring ? num(coupon.frequency_duration) : null,
  };
  await connection.execute(
    'INSERT INTO applied_coupons (lago_id, organization_id, coupon_id, customer_id, status, amount_cents, ' +
      'amount_cents_remaining, amount_currency, percentage_rate, frequency, frequency_duration, ' +
      "frequency_duration_remaining, terminated_at, created_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
    [
      applied.lago_id, org.id, coupon.id, customer.id, applied.amount_cents, applied.amount_cents_remaining,
      applied.amount_currency, applied.percentage_rate, applied.frequency, applied.frequency_duration,
      applied.frequency_duration, now,
    ],
  );
  const value = {
    lago_id: applied.lago_id,
    lago_coupon_id: coupon.lago_id,
    coupon_code: coupon.code,
    coupon_name: coupon.name,
    coupon_description: coupon.description,
    coupon_status: coupon.status,
    coupon_deleted_at: null,
    lago_customer_id: customer.lago_id,
    external_customer_id: customer.external_id,
    status: 'active',
    amount_cents: applied.amount_cents,
    amount_cents_remaining: applied.amount_cents_remaining,
    amount_currency: applied.amount_currency,
    percentage_rate: formatPercentageRate(applied.percentage_rate),
    frequency: applied.frequency,
    frequency_duration: applied.frequency_duration,
    frequency_duration_remaining: applied.frequency_duration,
    expiration_at: formatDateTime(coupon.expiration_at),
    created_at: formatDateTime(now),
    terminated_at: null,
  };
  const event = eventInsert(org, 'applied_coupon.created', applied.lago_id, { applied_coupon: value }, now);
  await connection.execute(event.sql, event.params);
  return { ok: true, value };
}

module.exports = { applyCoupon };
