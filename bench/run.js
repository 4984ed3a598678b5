#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` — the API against its floor, in one run, on MariaDB (issue 5, "Speed").
 *
 *   node bench/run.js [--smoke] [--duration S] [--connections N] [--list-coupons N] [--no-list] [--no-floor]
 *                     [--profile[=create,get,apply,preview]] [--keep-db]
 *
 * 1. fresh database `coupons_bench`; our built server (dist/apps/api/src/main.js) as a child process;
 *    an API key from the CLI; customers and coupons for the scenarios, created through the API;
 * 2. at 64 connections for a fixed duration each: create (unique codes), get, apply, preview — first
 *    against our server, then against bench/floor-server.js (node:http + mysql2, no framework) on the
 *    same database;
 * 3. the CLI seeds an organization of 1 000 000 coupons (timed), and pages 1, 500 and the last one of
 *    `GET /api/v1/coupons` are measured at 8 connections;
 * 4. prints the tables and writes bench/results.md (machine, date, targets pass/fail).
 * `--smoke`: 2 s per scenario and a 2 000-coupon list organization. `--profile`: instead of the run,
 * our server under create and get (or the scenarios named) with `node --cpu-prof`, one server process per
 * scenario; profiles in /tmp/coupons-bench-prof, summarised by bench/profile-summary.js.
 *
 * Env: BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306) — the server the bench database lives on.
 */
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const ROOT = join(__dirname, '..');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
// Our server runs with the same Node flags as `npm start` (read from package.json: one source of truth).
const OUR_NODE_ARGS = require(join(ROOT, 'package.json')).scripts.start.split(/\s+/).filter((token) => token.startsWith('--'));
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');
const DOMAIN = join(ROOT, 'libs/coupons/dist/index.js');
const FLOOR = join(__dirname, 'floor-server.js');
const PROFILE_DIR = '/tmp/coupons-bench-prof';
const DB_NAME = 'coupons_bench';

// ------------------------------------------------------------------------------------------------ options

function parseArgs(argv) {
  const opts = { smoke: false, list: true, floor: true, profile: false, keepDb: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || !/^\d+$/.test(next)) throw new Error(`${arg} needs a number`);
      return Number(next);
    };
    if (arg === '--smoke') opts.smoke = true;
    else if (arg === '--no-list') opts.list = false;
    else if (arg === '--no-floor') opts.floor = false;
    else if (arg === '--profile') opts.profile = true;
    else if (arg.startsWith('--profile=')) {
      opts.profile = true;
      opts.profileScenarios = arg.slice('--profile='.length).split(',');
    }
    else if (arg === '--keep-db') opts.keepDb = true;
    else if (arg === '--duration') opts.duration = value();
    else if (arg === '--connections') opts.connections = value();
    else if (arg === '--list-coupons') opts.listCoupons = value();
    else if (arg === '--help' || arg === '-h') {
      const source = readFileSync(__filename, 'utf8');
      process.stdout.write(`${source.slice(source.indexOf('/**'), source.indexOf('*/') + 2)}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  opts.profileScenarios ??= ['create', 'get'];
  opts.duration ??= opts.smoke ? 2 : 10;
  opts.warmup = opts.smoke ? 1 : 2;
  opts.connections ??= 64;
  opts.listConnections = 8;
  opts.listCoupons ??= opts.smoke ? 2000 : 1_000_000;
  return opts;
}

const TARGETS = {
  throughputRatio: 0.7, // create & get: ours ≥ 0.70 × floor req/s
  p99Ratio: 1.5, // create & get: ours p99 ≤ 1.5 × floor p99
  rssMb: 250,
  listP99Ms: 50,
};

const SETUP = { getCoupons: 100, applyCoupons: 16, applyCustomers: 1000, previewCustomers: 100 };

// ------------------------------------------------------------------------------------------------ processes

const children = new Set();

function cleanupChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.on('exit', cleanupChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping children\n`);
    cleanupChildren();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a Node server as a child; resolves once it answers HTTP. */
async function startServer(label, script, env, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited during start-up:\n${output}`);
    try {
      await fetch(`${url}/api/v1/coupons`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${label} did not answer within 90 s:\n${output}`);
      await sleep(200);
    }
  }
  return {
    label,
    url,
    pid: child.pid,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      children.delete(child);
    },
  };
}

/** Runs the built CLI; returns stdout. */
function cli(args, env) {
  return execFileSync(process.execPath, [CLI_MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

function runCliAsync(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(stderr);
      else reject(new Error(`cli ${args.join(' ')} exited with ${code}:\n${stderr}`));
    });
  });
}

// ------------------------------------------------------------------------------------------------ memory

function readProcStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status) || [])[1] || 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Samples a process's RSS every 100 ms; `stop()` returns the peak seen. */
function sampleRss(pid) {
  let peak = readProcStatus(pid).rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, readProcStatus(pid).rss);
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, readProcStatus(pid).rss);
  };
}

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
}

// ------------------------------------------------------------------------------------------------ scenarios

/** Each scenario: autocannon request definitions with a per-request counter (unique codes, rotating ids). */
function scenarioRequests(name, tag) {
  let n = 0;
  switch (name) {
    case 'create':
      return [
        {
          method: 'POST',
          path: '/api/v1/coupons',
          setupRequest(request) {
            const i = n++;
            request.body = JSON.stringify({
              coupon: {
                name: `Bench ${i}`, code: `bench-${tag}-${i}`, description: 'Created by the benchmark',
                coupon_type: 'fixed_amount', amount_cents: 1500, amount_currency: 'EUR',
                frequency: 'recurring', frequency_duration: 6, expiration: 'no_expiration', reusable: true,
              },
            });
            return request;
          },
        },
      ];
    case 'get':
      return [
        {
          method: 'GET',
          setupRequest(request) {
            request.path = `/api/v1/coupons/get-${n++ % SETUP.getCoupons}`;
            return request;
          },
        },
      ];
    case 'apply':
      return [
        {
          method: 'POST',
          path: '/api/v1/applied_coupons',
          setupRequest(request) {
            const i = n++;
            request.body = JSON.stringify({
              applied_coupon: { external_customer_id: `apply-${i % SETUP.applyCustomers}`, coupon_code: `apply-${i % SETUP.applyCoupons}` },
            });
            return request;
          },
        },
      ];
    case 'preview':
      return [
        {
          method: 'POST',
          path: '/api/v1/invoice_discounts/preview',
          setupRequest(request) {
            request.body = JSON.stringify({
              invoice: {
                external_customer_id: `preview-${n++ % SETUP.previewCustomers}`, currency: 'EUR',
                fees: [{ id: 'subscription', amount_cents: 10000 }, { id: 'usage', amount_cents: 2550 }],
              },
            });
            return request;
          },
        },
      ];
    default:
      throw new Error(`unknown scenario ${name}`);
  }
}

const SCENARIOS = ['create', 'get', 'apply', 'preview'];

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

async function runScenario(server, key, name, tag, opts) {
  const warmup = await load({ url: server.url, key, requests: scenarioRequests(name, `${tag}w`), connections: opts.connections, duration: opts.warmup });
  const stop = sampleRss(server.pid);
  const result = await load({ url: server.url, key, requests: scenarioRequests(name, tag), connections: opts.connections, duration: opts.duration });
  result.peakRss = stop();
  result.warmupTotal = warmup.total;
  log(`  ${server.label.padEnd(5)} ${name.padEnd(8)} ${fmt(result.rps, 0).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ` +
    `RSS ${mb(result.peakRss)} MB${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
  return result;
}

/** One request of each scenario, to compare the JSON shapes of ours and the floor. */
async function sampleResponses(url, key, tag) {
  const samples = {};
  for (const name of SCENARIOS) {
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
    const stop = sampleRss(server.pid);
    const result = await load({
      url: server.url, key, connections: opts.listConnections, duration: opts.duration, timeout: 60,
      requests: [{ method: 'GET', path }],
    });
    result.peakRss = stop();
    Object.assign(result, { page, firstMs, status: first.status, totalCount: meta ? meta.total_count : null, count });
    log(`  ours  list p.${String(page).padEnd(5)} ${fmt(result.rps, 1).padStart(6)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ` +
      `(first ${firstMs} ms, ${count} coupons, total_count ${result.totalCount})${result.non2xx || result.errors ? `  non-2xx ${result.non2xx} errors ${result.errors}` : ''}`);
    results.push(result);
  }
  return results;
}

// ------------------------------------------------------------------------------------------------ report

const fmt = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
const mb = (bytes) => fmt(bytes / 1024 / 1024, 0);
const log = (line) => process.stderr.write(`${line}\n`);
const mark = (ok) => (ok === null ? '–' : ok ? 'pass' : '**FAIL**');

function machine(adminVersion) {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: sh('nproc', []),
    cpu: (os.cpus()[0] || {}).model || '?',
    free: sh('free', ['-g']),
    node: process.version,
    mariadb: adminVersion,
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: sh('git', ['-C', ROOT, 'status', '--porcelain']).length > 0,
  };
}

function buildReport({ opts, info, ours, floor, lists, seed, oursHwm, floorHwm, shapeDiffs, loadBefore, loadAfter }) {
  const lines = [];
  const push = (line = '') => lines.push(line);
  push('# Benchmark results');
  push();
  push(`${info.date} · commit ${info.commit}${info.dirty ? ' (with uncommitted changes)' : ''} · \`npm run bench${opts.smoke ? ' -- --smoke' : ''}\``);
  push();
  push(`Machine: ${info.nproc} cores (${info.cpu}), Node ${info.node}, MariaDB ${info.mariadb}; load generator (autocannon, in-process), ` +
    'server and MariaDB share the cores. Load average before / after: ' + `${loadBefore} / ${loadAfter}.`);
  if (Number(loadBefore.split(' ')[0]) > Number(info.nproc) * 0.75) {
    push();
    push(`> **The machine was busy with other work when this run started** (1-minute load ${loadBefore.split(' ')[0]} on ${info.nproc} cores): ` +
      'absolute numbers are depressed and noisy; the ours/floor ratios are the meaningful part.');
  }
  push();
  push('```');
  push(info.free);
  push('```');
  push();
  push(`Each scenario: ${opts.warmup} s warm-up, then ${opts.duration} s measured at ${opts.connections} connections; req/s counts 2xx responses. ` +
    'Floor = `bench/floor-server.js` (node:http + mysql2 prepared statements, same SQL, no framework) on the same database.');
  push();
  push('| scenario | ours req/s | floor req/s | ours/floor | ours p50 | floor p50 | ours p99 | floor p99 | p99 ours/floor | ours RSS | floor RSS | non-2xx ours/floor | target | result |');
  push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const name of SCENARIOS) {
    const o = ours[name];
    const f = floor[name];
    if (!o) continue;
    const ratio = f ? o.rps / f.rps : null;
    const p99Ratio = f ? o.p99 / f.p99 : null;
    const gated = name === 'create' || name === 'get';
    const ok = gated && f
      ? ratio >= TARGETS.throughputRatio && p99Ratio <= TARGETS.p99Ratio && o.peakRss < TARGETS.rssMb * 1048576
      : o.peakRss < TARGETS.rssMb * 1048576;
    const target = gated ? `≥ ${TARGETS.throughputRatio}× req/s, p99 ≤ ${TARGETS.p99Ratio}×, RSS < ${TARGETS.rssMb} MB` : `RSS < ${TARGETS.rssMb} MB`;
    push(`| ${name} | ${fmt(o.rps, 0)} | ${f ? fmt(f.rps, 0) : '–'} | ${fmt(ratio, 2)} | ${fmt(o.p50)} ms | ${f ? fmt(f.p50) : '–'} ms | ` +
      `${fmt(o.p99)} ms | ${f ? fmt(f.p99) : '–'} ms | ${fmt(p99Ratio, 2)} | ${mb(o.peakRss)} MB | ${f ? mb(f.peakRss) : '–'} MB | ` +
      `${o.non2xx + o.errors}/${f ? f.non2xx + f.errors : '–'} | ${target} | ${mark(ok)} |`);
  }
  push();
  push(`Peak RSS over the whole run (VmHWM): ours ${mb(oursHwm)} MB (${mark(oursHwm < TARGETS.rssMb * 1048576)} < ${TARGETS.rssMb} MB)` +
    (floorHwm ? `, floor ${mb(floorHwm)} MB.` : '.'));
  if (shapeDiffs.length) {
    push();
    push('Response shape differences between ours and the floor (should be none):');
    for (const diff of shapeDiffs) push(`- ${diff.replace(/\n/g, ' / ')}`);
  }
  if (lists) {
    push();
    push(`## Lists over an organization of ${lists.coupons.toLocaleString('en-US')} coupons`);
    push();
    push(`Seeded by \`node dist/apps/cli/src/main.js seed --organization big --coupons ${lists.coupons}\` in **${fmt(seed.seconds, 1)} s** ` +
      `(${fmt(lists.coupons / seed.seconds, 0)} coupons/s). \`GET /api/v1/coupons?page=N\` (per_page 100) at ${opts.listConnections} connections, ${opts.duration} s each.`);
    push();
    push('| page | req/s | p50 | p99 | max | first request | total_count | RSS | non-2xx | target | result |');
    push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
    for (const r of lists.results) {
      const ok = r.ok > 0 && r.p99 < TARGETS.listP99Ms && r.totalCount === lists.coupons && r.non2xx + r.errors + r.timeouts === 0;
      const p99 = r.ok > 0 ? `${fmt(r.p99)} ms` : `> ${opts.duration} s (none completed)`;
    push(`| ${r.page} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} ms | ${p99} | ${fmt(r.max)} ms | ${r.firstMs} ms | ${r.totalCount} | ${mb(r.peakRss)} MB | ` +
        `${r.non2xx + r.errors + r.timeouts} | p99 < ${TARGETS.listP99Ms} ms, total_count | ${mark(ok)} |`);
    }
  }
  push();
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------ profile

async function profile(opts, env, key) {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  const { summarize } = require('./profile-summary');
  for (const name of opts.profileScenarios) {
    for (const [label, script] of [['ours', API_MAIN], ['floor', FLOOR]]) {
      const countFile = join(PROFILE_DIR, `${label}-${name}.queries.json`);
      const server = await startServer(label, script, { ...env, BENCH_QUERY_COUNT_FILE: countFile }, [
        '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${label}-${name}.cpuprofile`,
        '-r', join(__dirname, 'exit-on-sigusr2.js'), '-r', join(__dirname, 'count-queries.js'),
      ]);
      log(`profiling ${label} under ${name} (pid ${server.pid})`);
      const result = await runScenario(server, key, name, `prof${label[0]}${Date.now().toString(36)}`, opts);
      await server.stop('SIGUSR2');
      const file = join(PROFILE_DIR, `${label}-${name}.cpuprofile`);
      // autocannon's totals leave out the requests in flight when each phase ends; start-up statements are dropped.
      const requests = result.total + result.warmupTotal + 2 * opts.connections;
      const queries = JSON.parse(readFileSync(countFile, 'utf8')).filter(([, count]) => count >= requests * 0.5);
      const perRequest = queries.map(([sql, count]) => `  ${(count / requests).toFixed(2)} × ${sql}`).join('\n');
      const total = queries.reduce((sum, [, count]) => sum + count, 0) / requests;
      process.stdout.write(`\n## ${label} · ${name} — ${fmt(result.rps, 0)} req/s, p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms — ${file}\n\n` +
        `${summarize(file, 25, opts.duration + opts.warmup)}\n\n` +
        `SQL statements per request (≈${requests} requests, ~${total.toFixed(1)} per request):\n${perRequest}\n`);
    }
  }
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of [API_MAIN, CLI_MAIN, DOMAIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const base = new URL(process.env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306');
  const admin = await mysql.createConnection({
    host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username || 'root'),
    password: decodeURIComponent(base.password || ''),
  });
  const [[{ version }]] = await admin.query('SELECT VERSION() AS version');
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dbUrl = new URL(base.href);
  dbUrl.pathname = `/${DB_NAME}`;
  // One process, per-process rate-limit counters with a limit the bench never reaches (its cost is still measured).
  const env = {
    DATABASE_URL: dbUrl.href, LOG_LEVEL: 'error', SCHEDULER: 'off', NODE_ENV: 'production',
    WORKERS: '1', REDIS_URL: '', RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  if (os.loadavg()[0] > os.cpus().length * 0.75) log(`warning: the machine is busy (load ${loadBefore}); numbers will be noisy`);
  let ours;
  let floorServer;
  try {
    log(`bench: ${opts.smoke ? 'smoke' : 'full'} run, ${opts.duration} s per scenario at ${opts.connections} connections; database ${DB_NAME}`);
    ours = await startServer('ours', API_MAIN, env, OUR_NODE_ARGS);
    const key = cli(['api-keys:create', '--organization', 'bench'], env).trim().split('\n').pop();
    log(`ours up on ${ours.url} (pid ${ours.pid}); setting up customers and coupons`);
    await setupData(ours.url, key);

    if (opts.profile) {
      await ours.stop();
      ours = null;
      await profile(opts, env, key);
      return;
    }

    const tag = Date.now().toString(36);
    const oursSamples = await sampleResponses(ours.url, key, `o${tag}`);
    const oursResults = {};
    for (const name of SCENARIOS) oursResults[name] = await runScenario(ours, key, name, `o${tag}`, opts);

    const floorResults = {};
    const shapeDiffs = [];
    let floorHwm = 0;
    if (opts.floor) {
      floorServer = await startServer('floor', FLOOR, env);
      const floorSamples = await sampleResponses(floorServer.url, key, `f${tag}`);
      for (const name of SCENARIOS) {
        const a = oursSamples[name];
        const b = floorSamples[name];
        if (a.status !== 200 || b.status !== 200) shapeDiffs.push(`${name}: status ours ${a.status}, floor ${b.status}`);
        const diff = shapeDiff(a.body, b.body);
        if (diff) shapeDiffs.push(`${name}: ${diff}`);
      }
      for (const diff of shapeDiffs) log(`  shape difference — ${diff}`);
      for (const name of SCENARIOS) floorResults[name] = await runScenario(floorServer, key, name, `f${tag}`, opts);
      floorHwm = readProcStatus(floorServer.pid).hwm;
      await floorServer.stop();
      floorServer = null;
    }

    let lists = null;
    const seed = {};
    if (opts.list) {
      log(`seeding organization "big" with ${opts.listCoupons} coupons through the CLI…`);
      const started = process.hrtime.bigint();
      const heartbeat = setInterval(() => log(`  … seeding, ${((Number(process.hrtime.bigint() - started) / 1e9)).toFixed(0)} s`), 30_000);
      try {
        const stderr = await runCliAsync(['seed', '--organization', 'big', '--coupons', String(opts.listCoupons)], env);
        seed.cliSays = (/Seeded .*$/m.exec(stderr) || [''])[0];
      } finally {
        clearInterval(heartbeat);
      }
      seed.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      log(`  seeded in ${seed.seconds.toFixed(1)} s (${seed.cliSays})`);
      const bigKey = cli(['api-keys:create', '--organization', 'big'], env).trim().split('\n').pop();
      lists = { coupons: opts.listCoupons, results: await runLists(ours, bigKey, opts, opts.listCoupons) };
    }
    const oursHwm = readProcStatus(ours.pid).hwm;
    await ours.stop();
    ours = null;

    const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    const report = buildReport({
      opts, info: machine(version), ours: oursResults, floor: floorResults, lists, seed, oursHwm, floorHwm, shapeDiffs, loadBefore, loadAfter,
    });
    process.stdout.write(`\n${report}\n`);
    writeFileSync(join(__dirname, 'results.md'), report);
    log('written to bench/results.md');
  } finally {
    if (floorServer) await floorServer.stop().catch(() => {});
    if (ours) await ours.stop().catch(() => {});
    if (!opts.keepDb) await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``).catch(() => {});
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error.stack || error}\n`);
    cleanupChildren();
    process.exit(1);
  },
);

