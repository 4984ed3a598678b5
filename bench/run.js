#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` — the API against its floor, in one run, on MariaDB (issue 5, "Speed").
 *
 *   node bench/run.js [--smoke] [--duration S] [--rounds N] [--connections N] [--list-coupons N] [--no-list]
 *                     [--no-floor] [--profile[=create,get,apply,preview]] [--keep-db]
 *
 * 1. fresh database `coupons_bench`; our built server (dist/apps/api/src/main.js) as a child process;
 *    an API key from the CLI; customers and coupons for the scenarios, created through the API;
 * 2. at 64 connections for a fixed duration each: create (unique codes), get, apply, preview — against
 *    our server and bench/floor-server.js (node:http + mysql2, no framework) on the same database, in
 *    3 alternating rounds (ours first, then the floor first, …), each side's medians reported;
 * 3. the CLI seeds an organization of 1 000 000 coupons (timed), and pages 1, 500 and the last one of
 *    `GET /api/v1/coupons` are measured at 8 connections;
 * 4. prints the tables and writes bench/results.md (machine, date, targets pass/fail).
 * `--smoke`: 2 s per scenario, one round, and a 2 000-coupon list organization. `--profile`: instead of the run,
 * our server under create and get (or the scenarios named) with `node --cpu-prof`, one server process per
 * scenario; profiles in /tmp/coupons-bench-prof, summarised by bench/profile-summary.js.
 *
 * Env: BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306) — the server the bench database lives on.
 */
const { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const mysql = require('mysql2/promise');
const { ROOT, CLI_MAIN, cleanupChildren, startServer, cli, runCliAsync, readProcStatus } = require('./lib/processes');
const { setupData, SCENARIOS, runScenario, medianOfRounds, sampleResponses, shapeDiff, runLists } = require('./lib/scenarios');
const { machine, buildReport } = require('./lib/report');
const { fmt, log } = require('./lib/format');

const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
// Our server runs with the same Node flags as `npm start` (read from package.json: one source of truth).
const OUR_NODE_ARGS = require(join(ROOT, 'package.json')).scripts.start.split(/\s+/).filter((token) => token.startsWith('--'));
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
    else if (arg === '--rounds') opts.rounds = value();
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
  opts.rounds ??= opts.smoke ? 1 : 3;
  opts.connections ??= 64;
  opts.listConnections = 8;
  opts.listCoupons ??= opts.smoke ? 2000 : 1_000_000;
  return opts;
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

/**
 * After a million-row bulk insert InnoDB spends a while writing dirty pages back, on the same two cores:
 * lists are measured once that is done (at most a minute), so that they time reads, not the seed's aftermath.
 */
async function waitForWriteBack(admin) {
  const started = Date.now();
  const status = async (name) => Number((await admin.query(`SHOW GLOBAL STATUS LIKE '${name}'`))[0][0].Value);
  const total = await status('Innodb_buffer_pool_pages_total');
  const seen = [];
  // Done when at most 1 % of the pool is dirty, or when InnoDB has stopped bringing the number down.
  while (Date.now() - started < 60_000) {
    seen.push(await status('Innodb_buffer_pool_pages_dirty'));
    if (seen.at(-1) <= total * 0.01 || (seen.length > 3 && seen.at(-1) >= seen.at(-4))) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return (Date.now() - started) / 1000;
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
    const shapeDiffs = [];
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
    }
    // Rounds alternate ours and the floor (ours first, then the floor first, …) so that other work on this
    // shared machine weighs on both alike; each side's figures are the medians of its rounds.
    const oursResults = {};
    const floorResults = {};
    for (const name of SCENARIOS) {
      const rounds = { ours: [], floor: [] };
      for (let round = 0; round < opts.rounds; round++) {
        const sides = opts.floor ? (round % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours']) : ['ours'];
        for (const side of sides) {
          const server = side === 'ours' ? ours : floorServer;
          rounds[side].push(await runScenario(server, key, name, `${side[0]}${tag}${round}`, opts));
        }
      }
      oursResults[name] = medianOfRounds(rounds.ours);
      if (opts.floor) floorResults[name] = medianOfRounds(rounds.floor);
    }
    let floorHwm = 0;
    if (floorServer) {
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
      seed.settleSeconds = await waitForWriteBack(admin);
      log(`  database settled in ${seed.settleSeconds.toFixed(1)} s (dirty pages written back)`);
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

