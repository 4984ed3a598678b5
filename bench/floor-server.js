#!/usr/bin/env node
'use strict';
/**
 * The benchmark's floor: the four benchmarked endpoints of the coupons API with no framework at all —
 * node:http, mysql2's pool with prepared statements (`pool.execute`), hand-written SQL and JSON.
 * It does the same database work the API has to do and nothing more:
 *   auth   — one indexed lookup of the key's public id (joined to its organization) + HMAC compare
 *   create — transaction: one INSERT and its event   get — one SELECT
 *   apply  — transaction: customer row locked, coupon read, the conditional UPDATE of
 *            redemptions_count, one INSERT into applied_coupons and its event
 *   preview— customer, its active applied coupons (one JOIN), computeInvoiceDiscount from libs/coupons
 * Validation is minimal on purpose: this is the floor, not a second implementation.
 *
 * Env: PORT (default 3100), DATABASE_URL (mysql://…/db, schema already migrated by the API).
 */
const http = require('node:http');
const { pool } = require('./floor/db');
const { send, unauthorized, notFound } = require('./floor/http');
const { authenticate } = require('./floor/auth');
const { createCoupon, getCoupon } = require('./floor/coupons');
const { applyCoupon } = require('./floor/apply');
const { previewDiscount } = require('./floor/preview');

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
