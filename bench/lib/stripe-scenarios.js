'use strict';
/**
 * The Stripe dialect under load: `POST /v1/coupons` (form-encoded, as stripe-node sends it) against our
 * Lago-dialect create, alternating rounds on the same server; and `GET /v1/coupons?limit=100` over the big
 * organization against Lago's list page 1 on the same data.
 */
const { load, runScenario, medianOfRounds } = require('./scenarios');
const { sampleRss } = require('./processes');
const { fmt, mb, log } = require('./format');

const TARGETS = {
  createRatio: 0.8, // Stripe create ≥ 0.8 × Lago create req/s
  listP99Ratio: 1.5, // Stripe list (limit 100) p99 ≤ 1.5 × Lago list page 1 p99
};

const mark = (ok) => (ok ? 'pass' : '**FAIL**');

const formHeaders = (key) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' });

/** The Lago create scenario's coupon (fixed 15 EUR, 6 periods), in Stripe's parameters; a unique id per request. */
function createRequests(key, tag) {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/v1/coupons',
      headers: formHeaders(key),
      setupRequest(request) {
        const i = n++;
        request.body = `id=stripe-${tag}-${i}&name=Bench+${i}&amount_off=1500&currency=eur&duration=repeating&duration_in_months=6`;
        return request;
      },
    },
  ];
}

async function measure(server, key, requests, connections, opts, timeout) {
  await load({ url: server.url, key, requests: requests('w'), connections, duration: opts.warmup, timeout });
  const stop = sampleRss(server.pid);
  const result = await load({ url: server.url, key, requests: requests(''), connections, duration: opts.duration, timeout });
  result.peakRss = stop();
  result.warmupTotal = 0;
  return result;
}

/** Stripe create and Lago create in alternating rounds (Lago first, then Stripe first, …): each side's medians. */
async function runStripeCreate(server, key, opts) {
  const rounds = { lago: [], stripe: [] };
  const tag = Date.now().toString(36);
  for (let round = 0; round < opts.rounds; round++) {
    const sides = round % 2 === 0 ? ['lago', 'stripe'] : ['stripe', 'lago'];
    for (const side of sides) {
      if (side === 'lago') {
        rounds.lago.push(await runScenario(server, key, 'create', `sl${tag}${round}`, opts));
        continue;
      }
      const result = await measure(server, key, (suffix) => createRequests(key, `${tag}${round}${suffix}`), opts.connections, opts);
      log(`  ours  stripe-create ${fmt(result.rps, 0).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  RSS ${mb(result.peakRss)} MB` +
        `${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
      rounds.stripe.push(result);
    }
  }
  return { lago: medianOfRounds(rounds.lago), stripe: medianOfRounds(rounds.stripe) };
}

/** `GET /v1/coupons?limit=100` (the newest page) over the big organization, as the Lago list pages are measured. */
async function runStripeList(server, key, opts) {
  const path = '/v1/coupons?limit=100';
  const first = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  const body = await first.json();
  const requests = () => [{ method: 'GET', path }];
  const result = await measure(server, key, requests, opts.listConnections, opts, 60);
  result.count = Array.isArray(body.data) ? body.data.length : 0;
  log(`  ours  stripe list   ${fmt(result.rps, 1).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  (${result.count} coupons)` +
    `${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
  return result;
}

/** The report's section: each Stripe figure against its Lago counterpart and target. */
function stripeReport({ create, list }, lists) {
  const lines = ['', '## Stripe dialect (`/v1/coupons`)', ''];
  lines.push('Same server and data; create rounds alternate with Lago-dialect create rounds (medians of the rounds).', '');
  lines.push('| measure | Stripe | Lago | Stripe/Lago | target | result |', '|---|---:|---:|---:|---|---|');
  if (create) {
    const ratio = create.stripe.rps / create.lago.rps;
    const clean = create.stripe.non2xx + create.stripe.errors === 0;
    lines.push(`| create req/s (p99) | ${fmt(create.stripe.rps, 0)} (${fmt(create.stripe.p99)} ms) | ${fmt(create.lago.rps, 0)} (${fmt(create.lago.p99)} ms) | ` +
      `${fmt(ratio, 2)} | ≥ ${TARGETS.createRatio}× req/s | ${mark(ratio >= TARGETS.createRatio && clean)} |`);
  }
  const page1 = lists && lists.results.find((r) => r.page === 1);
  if (list && page1) {
    const ratio = list.p99 / page1.p99;
    const clean = list.non2xx + list.errors + list.timeouts === 0 && list.count === 100;
    lines.push(`| list p99, limit=100 vs page 1 (${lists.coupons.toLocaleString('en-US')} coupons) | ${fmt(list.p99)} ms | ${fmt(page1.p99)} ms | ` +
      `${fmt(ratio, 2)} | ≤ ${TARGETS.listP99Ratio}× p99 | ${mark(ratio <= TARGETS.listP99Ratio && clean)} |`);
  }
  return lines;
}

module.exports = { runStripeCreate, runStripeList, stripeReport };
