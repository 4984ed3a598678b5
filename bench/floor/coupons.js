'use strict';
/**
 * POST /api/v1/coupons (one INSERT and its event) and GET /api/v1/coupons/:code (one SELECT, plus targets for limited
 * coupons), with the coupon serializer the apply and preview handlers share `num` with.
 */
const { randomUUID } = require('node:crypto');
const { formatDateTime, formatPercentageRate } = require('../../libs/coupons/dist');
const { pool } = require('./db');
const { eventInsert } = require('./outbox');
const { send, notFound, badRequest, unprocessable, readBody, rootObject } = require('./http');

const COUPON_TYPES = new Set(['fixed_amount', 'percentage']);
const FREQUENCIES = new Set(['once', 'recurring', 'forever']);

// ---------------------------------------------------------------------------------------------- serializers

const num = (value) => (value === null || value === undefined ? null : Number(value));
const parseJson = (text) => (text ? JSON.parse(text) : {});

function serializeCoupon(row) {
  const currencyOptions = {};
  for (const [currency, option] of Object.entries(parseJson(row.currency_options))) {
    currencyOptions[currency] = { amount_cents: Number(option.amountCents) };
  }
  return {
    lago_id: row.lago_id,
    name: row.name,
    code: row.code,
    description: row.description,
    coupon_type: row.coupon_type,
    amount_cents: num(row.amount_cents),
    amount_currency: row.amount_currency,
    percentage_rate: formatPercentageRate(row.percentage_rate),
    frequency: row.frequency,
    frequency_duration: num(row.frequency_duration),
    reusable: Boolean(row.reusable),
    limited_plans: Boolean(row.limited_plans),
    limited_billable_metrics: Boolean(row.limited_billable_metrics),
    plan_codes: [],
    billable_metric_codes: [],
    created_at: formatDateTime(row.created_at),
    expiration: row.expiration,
    expiration_at: formatDateTime(row.expiration_at),
    terminated_at: formatDateTime(row.terminated_at),
    status: row.status,
    max_redemptions: num(row.max_redemptions),
    redemptions_count: num(row.redemptions_count),
    starts_at: formatDateTime(row.starts_at),
    metadata: parseJson(row.metadata),
    currency_options: currencyOptions,
  };
}

/** Only limited coupons have targets: one more query for those alone. */
async function withTargets(row) {
  const coupon = serializeCoupon(row);
  if (row.limited_plans || row.limited_billable_metrics) {
    const [targets] = await pool.execute(
      'SELECT p.code AS plan_code, m.code AS metric_code FROM coupon_targets t LEFT JOIN plans p ON p.id = t.plan_id ' +
        'LEFT JOIN billable_metrics m ON m.id = t.billable_metric_id WHERE t.coupon_id = ? ORDER BY t.id',
      [row.id],
    );
    for (const target of targets) {
      if (target.plan_code !== null) coupon.plan_codes.push(target.plan_code);
      if (target.metric_code !== null) coupon.billable_metric_codes.push(target.metric_code);
    }
  }
  return coupon;
}

// ---------------------------------------------------------------------------------------------- handlers

const INSERT_COUPON =
  'INSERT INTO coupons (lago_id, organization_id, name, code, live_code, description, coupon_type, amount_cents, ' +
  'amount_currency, percentage_rate, frequency, frequency_duration, reusable, limited_plans, limited_billable_metrics, ' +
  'expiration, expiration_at, status, terminated_at, deleted_at, max_redemptions, redemptions_count, starts_at, ' +
  'metadata, currency_options, created_at, updated_at) ' +
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 'active', NULL, NULL, ?, 0, NULL, ?, ?, ?, ?)";

const isString = (value) => typeof value === 'string' && value.length > 0 && value.length <= 255;
const isPositiveInteger = (value) => Number.isSafeInteger(value) && value > 0;

async function createCoupon(org, req, res) {
  const input = rootObject(await readBody(req), 'coupon');
  if (!input) return badRequest(res, 'coupon');
  const errors = {};
  const fixed = input.coupon_type === 'fixed_amount';
  if (!isString(input.name)) errors.name = ['value_is_mandatory'];
  if (!isString(input.code)) errors.code = ['value_is_mandatory'];
  if (!COUPON_TYPES.has(input.coupon_type)) errors.coupon_type = ['value_is_invalid'];
  if (!FREQUENCIES.has(input.frequency)) errors.frequency = ['value_is_invalid'];
  if (input.expiration !== 'no_expiration') errors.expiration = ['value_is_invalid']; // time_limit: not in the floor
  if (fixed && !isPositiveInteger(input.amount_cents)) errors.amount_cents = ['value_is_invalid'];
  if (fixed && !/^[A-Z]{3}$/.test(input.amount_currency)) errors.amount_currency = ['value_is_invalid'];
  const rate = fixed ? null : Number(input.percentage_rate);
  if (!fixed && !(rate > 0 && rate <= 100)) errors.percentage_rate = ['value_is_out_of_range'];
  const recurring = input.frequency === 'recurring';
  if (recurring && !isPositiveInteger(input.frequency_duration)) errors.frequency_duration = ['value_is_mandatory'];
  if (Object.keys(errors).length) return unprocessable(res, errors);

  const now = new Date();
  const row = {
    id: null,
    lago_id: randomUUID(),
    name: input.name,
    code: input.code,
    description: typeof input.description === 'string' ? input.description : null,
    coupon_type: input.coupon_type,
    amount_cents: fixed ? input.amount_cents : null,
    amount_currency: fixed ? input.amount_currency : null,
    percentage_rate: fixed ? null : String(rate),
    frequency: input.frequency,
    frequency_duration: recurring ? input.frequency_duration : null,
    reusable: input.reusable === false ? 0 : 1,
    limited_plans: 0,
    limited_billable_metrics: 0,
    expiration: 'no_expiration',
    expiration_at: null,
    status: 'active',
    terminated_at: null,
    max_redemptions: isPositiveInteger(input.max_redemptions) ? input.max_redemptions : null,
    redemptions_count: 0,
    starts_at: null,
    metadata: '{}',
    currency_options: '{}',
    created_at: now,
  };
  const coupon = serializeCoupon(row);
  const event = eventInsert(org, 'coupon.created', row.lago_id, { coupon }, now);
  const params = [
    row.lago_id, org.id, row.name, row.code, row.code, row.description, row.coupon_type, row.amount_cents,
    row.amount_currency, row.percentage_rate, row.frequency, row.frequency_duration, row.reusable,
    row.expiration, row.expiration_at, row.max_redemptions, row.metadata, row.currency_options, now, now,
  ];
  // The coupon and its event in one transaction, its four statements in one round trip (as the API sends them).
  const connection = await pool.getConnection();
  try {
    await connection.query(`START TRANSACTION; ${INSERT_COUPON}; ${event.sql}; COMMIT`, [...params, ...event.params]);
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {});
    if (error.code === 'ER_DUP_ENTRY') return unprocessable(res, { code: ['value_already_exist'] });
    throw error;
  } finally {
    connection.release();
  }
  send(res, 200, { coupon });
}

async function getCoupon(org, code, res) {
  const [rows] = await pool.execute('SELECT * FROM coupons WHERE organization_id = ? AND live_code = ?', [org.id, code]);
  if (!rows[0]) return notFound(res, 'coupon_not_found');
  send(res, 200, { coupon: await withTargets(rows[0]) });
}

module.exports = { num, createCoupon, getCoupon };
