'use strict';
/**
 * Webhooks under load: a real receiver (node:http on 127.0.0.1, our server started with
 * WEBHOOKS_ALLOW_PRIVATE_URLS=true) subscribed to `coupon.created`, then
 * 1. the create scenario with the endpoint subscribed against create without one, in alternating rounds (as ours and
 *    the floor alternate): a baseline measured minutes earlier, on a smaller table, would flatter neither side;
 *    each subscribed round's deliveries drain before the next round;
 * 2. a steady 500 creates/s for 20 s: each event's lag (the receiver's receipt time − the event's
 *    `created_at`), p50 and p99, and after the deliveries drain, events missing and duplicates.
 */
const { createServer } = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const { runScenario, medianOfRounds, mustApi: api } = require('./scenarios');
const { fmt, log } = require('./format');

const TARGETS = { throughputRatio: 0.8, lagP50Ms: 200, lagP99Ms: 1000 };
const STEADY_RATE = 500;
const STEADY_CONNECTIONS = 16;
/** How long the deliveries of a phase may take to drain once its load stops. */
const DRAIN_MS = 60_000;



/** Per phase (the `?phase=` of the endpoint URL): every delivery's event id, receipt time and event `created_at`. */
async function startReceiver() {
  const phases = new Map();
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const receivedAt = Date.now();
      const phase = new URL(request.url, 'http://receiver').searchParams.get('phase');
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!phases.has(phase)) phases.set(phase, []);
      phases.get(phase).push({ id: event.id, receivedAt, createdAt: Date.parse(event.created_at) });
      response.end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    received: (phase) => phases.get(phase) ?? [],
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/** Coupons so far, once the creates autocannon left in flight when it stopped have landed. */
async function couponCount(url, key) {
  await sleep(1000);
  return (await api(url, key, 'GET', '/api/v1/coupons?per_page=1')).meta.total_count;
}

/**
 * Waits until the `expected` events created since `since` arrived for the phase (or the drain time ran out);
 * missing and duplicates. Older events (of an earlier phase, fanned out after this endpoint was created) are left out.
 */
async function drain(receiver, phase, since, expected) {
  const deadline = Date.now() + DRAIN_MS;
  const received = () => receiver.received(phase).filter((hook) => hook.createdAt >= since);
  const distinct = () => new Set(received().map((hook) => hook.id)).size;
  while (distinct() < expected && Date.now() < deadline) await sleep(100);
  // Room for a late duplicate to show.
  await sleep(1000);
  return { expected, missing: expected - distinct(), duplicates: received().length - distinct() };
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function subscribe(server, key, receiver, phase) {
  const body = { webhook_endpoint: { url: `${receiver.url}?phase=${phase}`, event_types: ['coupon.created'], description: `bench ${phase}` } };
  return (await api(server.url, key, 'POST', '/api/v1/webhook_endpoints', body)).webhook_endpoint;
}

/** Create rounds with the endpoint subscribed and without, alternating which goes first; then the steady lag. */
async function runWebhooks(server, key, opts, tag) {
  const receiver = await startReceiver();
  try {
    log('webhooks: create with one endpoint subscribed, against create without, alternating');
    const subscribed = [];
    const unsubscribed = [];
    const throughputDelivery = { expected: 0, missing: 0, duplicates: 0 };
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const kind of order) {
        if (kind === 'without') {
          unsubscribed.push(await runScenario(server, key, 'create', `wo${tag}${round}`, opts));
          continue;
        }
        const phase = `throughput-${round}`;
        const endpoint = await subscribe(server, key, receiver, phase);
        const before = await couponCount(server.url, key);
        const since = Date.now();
        subscribed.push(await runScenario(server, key, 'create', `wh${tag}${round}`, opts));
        // The round's events are all delivered before the endpoint goes, and before the next round measures.
        const delivery = await drain(receiver, phase, since, (await couponCount(server.url, key)) - before);
        for (const field of ['expected', 'missing', 'duplicates']) throughputDelivery[field] += delivery[field];
        await api(server.url, key, 'DELETE', `/api/v1/webhook_endpoints/${endpoint.lago_id}`);
      }
    }
    const throughput = medianOfRounds(subscribed);
    const baseline = medianOfRounds(unsubscribed);
    log(`  with ${fmt(throughput.rps, 0)} req/s, without ${fmt(baseline.rps, 0)} req/s; delivered: missing ${throughputDelivery.missing}, ` +
      `duplicates ${throughputDelivery.duplicates} of ${throughputDelivery.expected}`);

    const seconds = opts.smoke ? 5 : 20;
    log(`webhooks: steady ${STEADY_RATE} creates/s for ${seconds} s, lag to the receiver`);
    await subscribe(server, key, receiver, 'steady');
    const before = await couponCount(server.url, key);
    const since = Date.now();
    let n = 0;
    const load = await autocannon({
      url: server.url,
      connections: STEADY_CONNECTIONS,
      overallRate: STEADY_RATE,
      duration: seconds,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      requests: [{
        method: 'POST',
        path: '/api/v1/coupons',
        setupRequest(request) {
          const i = n++;
          request.body = JSON.stringify({
            coupon: {
              name: `Steady ${i}`, code: `steady-${tag}-${i}`, coupon_type: 'fixed_amount', amount_cents: 1500,
              amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration',
            },
          });
          return request;
        },
      }],
    });
    const steadyDelivery = await drain(receiver, 'steady', since, (await couponCount(server.url, key)) - before);
    const firstReceipts = new Map();
    for (const hook of receiver.received('steady')) if (hook.createdAt >= since && !firstReceipts.has(hook.id)) firstReceipts.set(hook.id, hook);
    const lags = [...firstReceipts.values()].map((hook) => hook.receivedAt - hook.createdAt);
    const steady = {
      seconds, rps: load['2xx'] / load.duration, non2xx: load.non2xx + load.errors,
      lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagMax: percentile(lags, 100), ...steadyDelivery,
    };
    log(`  ${fmt(steady.rps, 0)} creates/s; lag p50 ${fmt(steady.lagP50)} ms, p99 ${fmt(steady.lagP99)} ms, max ${fmt(steady.lagMax)} ms; ` +
      `missing ${steady.missing}, duplicates ${steady.duplicates} of ${steady.expected}`);
    return { baseline, throughput, throughputDelivery, steady };
  } finally {
    await receiver.close();
  }
}

const mark = (ok) => (ok ? 'pass' : '**FAIL**');

/** The report's section: markdown lines. */
function webhookReport({ baseline, throughput, throughputDelivery, steady }) {
  const ratio = baseline ? throughput.rps / baseline.rps : null;
  const lines = [
    '',
    '## Webhooks',
    '',
    'A receiver on 127.0.0.1 (node:http, answers 200 at once) subscribed to `coupon.created`; delivery by the server\'s own ' +
      'dispatcher and worker. Lag = the receiver\'s receipt time − the event\'s `created_at`, first receipt of each event.',
    '',
    '| measure | value | target | result |',
    '|---|---:|---|---|',
    `| create req/s with the endpoint / without (alternating rounds) | ${fmt(throughput.rps, 0)} / ${baseline ? fmt(baseline.rps, 0) : '–'} = ${fmt(ratio, 2)} | ` +
      `≥ ${TARGETS.throughputRatio}× | ${ratio === null ? '–' : mark(ratio >= TARGETS.throughputRatio)} |`,
    `| create p99 with the endpoint | ${fmt(throughput.p99)} ms | | |`,
    `| events of the create runs: missing / duplicates | ${throughputDelivery.missing} / ${throughputDelivery.duplicates} of ${throughputDelivery.expected} | ` +
      `none missing | ${mark(throughputDelivery.missing === 0)} |`,
    `| steady ${STEADY_RATE} creates/s for ${steady.seconds} s: achieved | ${fmt(steady.rps, 0)} req/s, non-2xx ${steady.non2xx} | | |`,
    `| lag p50 | ${fmt(steady.lagP50)} ms | < ${TARGETS.lagP50Ms} ms | ${mark(steady.lagP50 !== null && steady.lagP50 < TARGETS.lagP50Ms)} |`,
    `| lag p99 (max) | ${fmt(steady.lagP99)} ms (${fmt(steady.lagMax)} ms) | < ${TARGETS.lagP99Ms} ms | ${mark(steady.lagP99 !== null && steady.lagP99 < TARGETS.lagP99Ms)} |`,
    `| events missing / duplicates | ${steady.missing} / ${steady.duplicates} of ${steady.expected} | none missing | ${mark(steady.missing === 0)} |`,
  ];
  return lines;
}

module.exports = { runWebhooks, webhookReport };
