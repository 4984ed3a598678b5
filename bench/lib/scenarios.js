'use strict';
/**
 * What the bench sends: customers and coupons set up through the API, the autocannon scenarios
 * (create, get, apply, preview, apply by promotion code, validate) and their runs, the list pages, and the response-shape comparison with
 * the floor.
 */
const autocannon = require('autocannon');
const { sampleRss } = require('./processes');
const { fmt, mb, log } = require('./format');

const SETUP = { getCoupons: 100, applyCoupons: 16, applyCustomers: 1000, previewCustomers: 100 };

// ------------------------------------------------------------------------------------------------ HTTP

async function api(url, key, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

async function mustApi(url, key, method, path, body) {
  const result = await api(url, key, method, path, body);
  if (result.status !== 200) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function forEachLimit(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const range = (n) => Array.from({ length: n }, (_, i) => i);

/** Customers and coupons the scenarios use; created through our API so they are real rows. */
async function setupData(url, key) {
  const customers = [
    ...range(SETUP.applyCustomers).map((i) => `apply-${i}`),
    ...range(SETUP.previewCustomers).map((i) => `preview-${i}`),
  ];
  await forEachLimit(customers, 16, (externalId) =>
    mustApi(url, key, 'POST', '/api/v1/customers', { customer: { external_id: externalId, name: externalId, currency: 'EUR' } }),
  );
  const coupons = [
    ...range(SETUP.getCoupons).map((i) => ({
      name: `Get ${i}`, code: `get-${i}`, coupon_type: 'percentage', percentage_rate: '12.5',
      frequency: 'recurring', frequency_duration: 3, expiration: 'no_expiration', description: 'read by the get scenario',
    })),
    // Reusable, no max_redemptions: applies keep succeeding for the whole run.
    ...range(SETUP.applyCoupons).map((i) => ({
      name: `Apply ${i}`, code: `apply-${i}`, coupon_type: 'fixed_amount', amount_cents: 500, amount_currency: 'EUR',
      frequency: 'forever', expiration: 'no_expiration', reusable: true,
    })),
    { name: 'Preview 10%', code: 'preview-pct', coupon_type: 'percentage', percentage_rate: 10, frequency: 'forever', expiration: 'no_expiration' },
    { name: 'Preview €5 once', code: 'preview-once', coupon_type: 'fixed_amount', amount_cents: 500, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' },
    { name: 'Preview €2 ×12', code: 'preview-rec', coupon_type: 'fixed_amount', amount_cents: 200, amount_currency: 'EUR', frequency: 'recurring', frequency_duration: 12, expiration: 'no_expiration' },
  ];
  await forEachLimit(coupons, 16, (coupon) => mustApi(url, key, 'POST', '/api/v1/coupons', { coupon }));
  // Preview customers hold three active applied coupons each; the apply scenario never touches them.
  const applies = range(SETUP.previewCustomers).flatMap((i) =>
    ['preview-pct', 'preview-once', 'preview-rec'].map((code) => ({ external_customer_id: `preview-${i}`, coupon_code: code })),
  );
  await forEachLimit(applies, 8, (applied) => mustApi(url, key, 'POST', '/api/v1/applied_coupons', { applied_coupon: applied }));
  // A promotion code per apply coupon (no limit: applies keep succeeding), and one for the checkout validation.
  const promotionCodes = [
    ...range(SETUP.applyCoupons).map((i) => ({ coupon_code: `apply-${i}`, code: `APPLY-PROMO-${i}` })),
    { coupon_code: 'preview-pct', code: 'VALIDATE-PROMO' },
  ];
  await forEachLimit(promotionCodes, 8, (code) => mustApi(url, key, 'POST', '/api/v1/promotion_codes', { promotion_code: code }));
}

// ------------------------------------------------------------------------------------------------ scenarios

/** One POST per request, its body built from the request's number (unique codes, rotating ids). */
function posting(path, bodyOf) {
  let n = 0;
  return [
    {
      method: 'POST',
      path,
      setupRequest(request) {
        request.body = JSON.stringify(bodyOf(n++));
        return request;
      },
    },
  ];
}

const INVOICE_FEES = [{ id: 'subscription', amount_cents: 10000 }, { id: 'usage', amount_cents: 2550 }];

/** Each scenario's autocannon request definitions. */
function scenarioRequests(name, tag) {
  switch (name) {
    case 'create':
      return posting('/api/v1/coupons', (i) => ({
        coupon: {
          name: `Bench ${i}`, code: `bench-${tag}-${i}`, description: 'Created by the benchmark',
          coupon_type: 'fixed_amount', amount_cents: 1500, amount_currency: 'EUR',
          frequency: 'recurring', frequency_duration: 6, expiration: 'no_expiration', reusable: true,
        },
      }));
    case 'get': {
      let n = 0;
      return [
        {
          method: 'GET',
          setupRequest(request) {
            request.path = `/api/v1/coupons/get-${n++ % SETUP.getCoupons}`;
            return request;
          },
        },
      ];
    }
    case 'apply':
      return posting('/api/v1/applied_coupons', (i) => ({
        applied_coupon: { external_customer_id: `apply-${i % SETUP.applyCustomers}`, coupon_code: `apply-${i % SETUP.applyCoupons}` },
      }));
    case 'preview':
      return posting('/api/v1/invoice_discounts/preview', (i) => ({
        invoice: { external_customer_id: `preview-${i % SETUP.previewCustomers}`, currency: 'EUR', fees: INVOICE_FEES },
      }));
    case 'apply-promo':
      // Typed in lower case, as customers do: the lookup ignores case.
      return posting('/api/v1/applied_coupons', (i) => ({
        applied_coupon: { external_customer_id: `apply-${i % SETUP.applyCustomers}`, promotion_code: `apply-promo-${i % SETUP.applyCoupons}` },
      }));
    case 'validate':
      return posting('/api/v1/promotion_codes/validate', (i) => ({
        validation: {
          code: 'validate-promo', external_customer_id: `preview-${i % SETUP.previewCustomers}`,
          invoice: { currency: 'EUR', fees: INVOICE_FEES },
        },
      }));
    default:
      throw new Error(`unknown scenario ${name}`);
  }
}

const SCENARIOS = ['create', 'get', 'apply', 'preview', 'apply-promo', 'validate'];

/**
 * The floor scenario each of ours is measured against: itself, except an apply by promotion code (against the
 * floor's apply by coupon code) and a checkout validation (against the floor's preview).
 */
const FLOOR_COUNTERPARTS = { 'apply-promo': 'apply', validate: 'preview' };
const floorScenario = (name) => FLOOR_COUNTERPARTS[name] ?? name;

async function load({ url, key, requests, connections, duration, timeout = 10 }) {
  const result = await autocannon({
    url,
    connections,
    duration,
    timeout,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests,
  });
  return {
    rps: result['2xx'] / result.duration,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

/** A server's GC totals by kind (prom-client's `nodejs_gc_duration_seconds` on /metrics); null for the floor. */
async function gcTotals(server) {
  if (server.label !== 'ours') return null;
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const totals = {};
  for (const [, field, kind, value] of text.matchAll(/^nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} (\S+)$/gm)) {
    totals[kind] ??= { sum: 0, count: 0 };
    totals[kind][field] = Number(value);
  }
  return totals;
}

/** GC while measured: young-generation collections (count, mean pause), full collections, share of the time. */
function gcDuring(before, after, seconds) {
  if (!before || !after) return null;
  const delta = (kind, field) => (after[kind]?.[field] ?? 0) - (before[kind]?.[field] ?? 0);
  const minorCount = delta('minor', 'count');
  const totalSeconds = Object.keys(after).reduce((sum, kind) => sum + delta(kind, 'sum'), 0);
  return {
    minorPerSecond: minorCount / seconds,
    minorMeanMs: minorCount ? (delta('minor', 'sum') / minorCount) * 1000 : 0,
    majorPerSecond: delta('major', 'count') / seconds,
    share: totalSeconds / seconds,
  };
}

async function runScenario(server, key, name, tag, opts) {
  const warmup = await load({ url: server.url, key, requests: scenarioRequests(name, `${tag}w`), connections: opts.connections, duration: opts.warmup });
  const stop = sampleRss(server.pid);
  const gcBefore = await gcTotals(server);
  const result = await load({ url: server.url, key, requests: scenarioRequests(name, tag), connections: opts.connections, duration: opts.duration });
  result.gc = gcDuring(gcBefore, await gcTotals(server), opts.duration);
  result.peakRss = stop();
  result.warmupTotal = warmup.total;
  log(`  ${server.label.padEnd(5)} ${name.padEnd(8)} ${fmt(result.rps, 0).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ` +
    `RSS ${mb(result.peakRss)} MB${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One scenario's rounds as one result: the median of each figure, the peak of RSS, the sum of failures. */
function medianOfRounds(rounds) {
  return {
    rounds: rounds.length,
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    max: Math.max(...rounds.map((r) => r.max)),
    peakRss: Math.max(...rounds.map((r) => r.peakRss)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    total: rounds.reduce((sum, r) => sum + r.total, 0),
    warmupTotal: rounds.reduce((sum, r) => sum + r.warmupTotal, 0),
    gc: rounds[0].gc && Object.fromEntries(Object.keys(rounds[0].gc).map((field) => [field, median(rounds.map((r) => r.gc[field]))])),
  };
}

/** One request of each scenario (of `names`), to compare the JSON shapes of ours and the floor. */
async function sampleResponses(url, key, tag, names = SCENARIOS) {
  const samples = {};
  for (const name of names) {
    const [request] = scenarioRequests(name, `${tag}s`);
    const built = request.setupRequest({ method: request.method, path: request.path });
    samples[name] = await api(url, key, request.method, built.path, built.body === undefined ? undefined : JSON.parse(built.body));
  }
  return samples;
}

function shapeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}

function shapeDiff(a, b) {
  const sa = JSON.stringify(shapeOf(a));
  const sb = JSON.stringify(shapeOf(b));
  return sa === sb ? null : `ours ${sa}\nfloor ${sb}`;
}

// ------------------------------------------------------------------------------------------------ list

async function runLists(server, key, opts, totalCoupons) {
  const lastPage = Math.max(1, Math.ceil(totalCoupons / 100));
  const pages = [...new Set([1, Math.min(500, lastPage), lastPage])];
  const results = [];
  for (const page of pages) {
    const path = `/api/v1/coupons?page=${page}`;
    const started = Date.now();
    const first = await api(server.url, key, 'GET', path);
    const firstMs = Date.now() - started;
    const meta = first.body && first.body.meta;
    const count = first.body && Array.isArray(first.body.coupons) ? first.body.coupons.length : 0;
    const requests = [{ method: 'GET', path }];
    // Warmed up like every other scenario (the first request also finds the page's anchor).
    await load({ url: server.url, key, connections: opts.listConnections, duration: opts.warmup, timeout: 60, requests });
    const stop = sampleRss(server.pid);
    const result = await load({ url: server.url, key, connections: opts.listConnections, duration: opts.duration, timeout: 60, requests });
    result.peakRss = stop();
    Object.assign(result, { page, firstMs, status: first.status, totalCount: meta ? meta.total_count : null, count });
    log(`  ours  list p.${String(page).padEnd(5)} ${fmt(result.rps, 1).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ` +
      `(first ${firstMs} ms, ${count} coupons, total_count ${result.totalCount})${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
    results.push(result);
  }
  return results;
}

module.exports = { mustApi, setupData, SCENARIOS, floorScenario, runScenario, medianOfRounds, sampleResponses, shapeDiff, runLists, load };
