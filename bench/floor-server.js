#!/usr/bin/env node
'use strict';
/**
 * The benchmark's floor: the four benchmarked endpoints of the coupons API with no framework at all —
 * node:http, mysql2's pool with prepared statements (`pool.execute`), hand-written SQL and JSON.
 * It does the same database work the API has to do and nothing more:
 *   auth   — one indexed lookup of the key's public id (joined to its organization) + HMAC compare
 *   create — one INSERT                          get — one SELECT
 *   apply  — transaction: customer row locked, coupon read, the conditional UPDATE of
 *            redemptions_count, one INSERT into applied_coupons
 *   preview— customer, its active applied coupons (one JOIN), computeInvoiceDiscount from libs/coupons
 * Validation is minimal on purpose: this is the floor, not a second implementation.
 *
 * Env: PORT (default 3100), DATABASE_URL (mysql://…/db, schema already migrated by the API).
 */
const http = require('node:http');
const { createHmac, randomUUID, timingSafeEqual } = require('node:crypto');
const mysql = require('mysql2/promise');
const domain = require('../libs/coupons/dist');

const { computeInvoiceDiscount, parseInvoiceInput, formatDateTime, formatPercentageRate } = domain;

const KEY_PATTERN = /^cpn_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const COUPON_TYPES = new Set(['fixed_amount', 'percentage']);
const FREQUENCIES = new Set(['once', 'recurring', 'forever']);
const EXPIRATIONS = new Set(['no_expiration', 'time_limit']);

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 20, // as the API's TypeORM pool
  timezone: 'Z',
  supportBigNumbers: true,
  bigNumberStrings: false,
  charset: 'utf8mb4_unicode_ci',
  enableKeepAlive: true,
});

// ---------------------------------------------------------------------------------------------- HTTP

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const unauthorized = (res) => send(res, 401, { status: 401, error: 'Unauthorized' });
const notFound = (res, code) => send(res, 404, code ? { status: 404, error: 'Not Found', code } : { status: 404, error: 'Not Found' });
const badRequest = (res, root) =>
  send(res, 400, { status: 400, error: `BadRequest: param is missing or the value is empty or invalid: ${root}` });
const unprocessable = (res, details) =>
  send(res, 422, { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details });

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function rootObject(text, key) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const value = body && typeof body === 'object' ? body[key] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length ? value : null;
}

// ---------------------------------------------------------------------------------------------- auth

async function authenticate(req) {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
  const match = KEY_PATTERN.exec(header.slice(7).trim());
  if (!match) return null;
  const [, publicId, secret] = match;
  const [rows] = await pool.execute(
    'SELECT k.salt, k.secret_hash, o.id AS organization_id, o.name FROM api_keys k ' +
      'JOIN organizations o ON o.id = k.organization_id WHERE k.public_id = ? AND k.revoked_at IS NULL',
    [publicId],
  );
  const row = rows[0];
  if (!row) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const actual = createHmac('sha256', row.salt).update(secret).digest();
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { id: Number(row.organization_id), name: row.name };
}

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
  try {
    await pool.execute(INSERT_COUPON, [
      row.lago_id, org.id, row.name, row.code, row.code, row.description, row.coupon_type, row.amount_cents,
      row.amount_currency, row.percentage_rate, row.frequency, row.frequency_duration, row.reusable,
      row.expiration, row.expiration_at, row.max_redemptions, row.metadata, row.currency_options, now, now,
    ]);
  } catch (error) {
    if (error.code === 'ER_DUP_ENTRY') return unprocessable(res, { code: ['value_already_exist'] });
    throw error;
  }
  send(res, 200, { coupon: serializeCoupon(row) });
}

async function getCoupon(org, code, res) {
  const [rows] = await pool.execute('SELECT * FROM coupons WHERE organization_id = ? AND live_code = ?', [org.id, code]);
  if (!rows[0]) return notFound(res, 'coupon_not_found');
  send(res, 200, { coupon: await withTargets(rows[0]) });
}

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
  return {
    ok: true,
    value: {
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
    },
  };
}

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

// ---------------------------------------------------------------------------------------------- router

async function route(req, res) {
  const path = req.url.split('?')[0];
  if (!path.startsWith('/api/v1/')) return notFound(res);
  const org = await authenticate(req);
  if (!org) return unauthorized(res);
  if (req.method === 'POST' && path === '/api/v1/coupons') return createCoupon(org, req, res);
  if (req.method === 'POST' && path === '/api/v1/applied_coupons') return applyCoupon(org, req, res);
  if (req.method === 'POST' && path === '/api/v1/invoice_discounts/preview') return previewDiscount(org, req, res);
  if (req.method === 'GET' && path.startsWith('/api/v1/coupons/')) {
    let code;
    try {
      code = decodeURIComponent(path.slice('/api/v1/coupons/'.length));
    } catch {
      return notFound(res, 'coupon_not_found');
    }
    return getCoupon(org, code, res);
  }
  notFound(res);
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    process.stderr.write(`floor: ${error.stack || error}\n`);
    if (!res.headersSent) send(res, 500, { status: 500, error: 'Internal Server Error' });
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;

const port = Number(process.env.PORT || 3100);
server.listen(port, '127.0.0.1', () => process.stderr.write(`floor listening on http://127.0.0.1:${port}\n`));

function shutdown() {
  server.close();
  pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
