'use strict';
/**
 * bench/results.md: the machine the run happened on, the ours/floor table against the targets, and the
 * list pages over the big organization.
 */
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const { ROOT } = require('./processes');
const { SCENARIOS, floorScenario } = require('./scenarios');
const { fmt, mb } = require('./format');
const { promotionCodeBatchReport } = require('./promotion-code-batches');
const { stripeReport } = require('./stripe-scenarios');

const TARGETS = {
  throughputRatio: 0.7, // create, get, apply-promo, validate: ours ≥ 0.70 × floor req/s
  p99Ratio: 1.5, // create, get, apply-promo: ours p99 ≤ 1.5 × floor p99
  rssMb: 250,
  listP99Ms: 50,
};

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
    // The previous results file itself does not count as a change to what is measured.
    dirty: sh('git', ['-C', ROOT, 'status', '--porcelain', '--', '.', ':!bench/results.md']).length > 0,
  };
}

function buildReport({ opts, info, ours, floor, lists, seed, batches, stripe, oursHwm, floorHwm, shapeDiffs, loadBefore, loadAfter }) {
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
  push(`Each scenario: ${opts.rounds} round(s) per server, alternating ours and the floor (ours first, then the floor first, …); ` +
    `a round is ${opts.warmup} s warm-up, then ${opts.duration} s measured at ${opts.connections} connections. Figures are the medians of the rounds ` +
    '(RSS: the peak); req/s counts 2xx responses. Floor = `bench/floor-server.js` (node:http + mysql2 prepared statements, same SQL, no framework) on the same database; ' +
    'its writes record their event in the outbox as the API\'s do.');
  push();
  push('| scenario | ours req/s | floor req/s | ours/floor | ours p50 | floor p50 | ours p99 | floor p99 | p99 ours/floor | ours RSS | floor RSS | non-2xx ours/floor | target | result |');
  push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const name of SCENARIOS) {
    const o = ours[name];
    const f = floor[name];
    if (!o) continue;
    const ratio = f ? o.rps / f.rps : null;
    const p99Ratio = f ? o.p99 / f.p99 : null;
    const gated = ['create', 'get', 'apply-promo', 'validate'].includes(name);
    // A validation is held to the preview floor's throughput only.
    const p99Gated = gated && name !== 'validate';
    const ok = gated && f
      ? ratio >= TARGETS.throughputRatio && (!p99Gated || p99Ratio <= TARGETS.p99Ratio) && o.peakRss < TARGETS.rssMb * 1048576
      : o.peakRss < TARGETS.rssMb * 1048576;
    const target = gated
      ? `≥ ${TARGETS.throughputRatio}× req/s${p99Gated ? `, p99 ≤ ${TARGETS.p99Ratio}×` : ''}, RSS < ${TARGETS.rssMb} MB`
      : `RSS < ${TARGETS.rssMb} MB`;
    const label = floorScenario(name) === name ? name : `${name} (floor: ${floorScenario(name)})`;
    push(`| ${label} | ${fmt(o.rps, 0)} | ${f ? fmt(f.rps, 0) : '–'} | ${fmt(ratio, 2)} | ${fmt(o.p50)} ms | ${f ? fmt(f.p50) : '–'} ms | ` +
      `${fmt(o.p99)} ms | ${f ? fmt(f.p99) : '–'} ms | ${fmt(p99Ratio, 2)} | ${mb(o.peakRss)} MB | ${f ? mb(f.peakRss) : '–'} MB | ` +
      `${o.non2xx + o.errors}/${f ? f.non2xx + f.errors : '–'} | ${target} | ${mark(ok)} |`);
  }
  if (SCENARIOS.some((name) => ours[name]?.gc)) {
    push();
    push('GC in our server while measured (from its own `/metrics`, `nodejs_gc_duration_seconds`; medians of the rounds):');
    push();
    push('| scenario | young-generation GCs/s | mean young pause | full GCs/s | time in GC |');
    push('|---|---:|---:|---:|---:|');
    for (const name of SCENARIOS) {
      const gc = ours[name]?.gc;
      if (gc) push(`| ${name} | ${fmt(gc.minorPerSecond, 1)} | ${fmt(gc.minorMeanMs, 1)} ms | ${fmt(gc.majorPerSecond, 2)} | ${fmt(gc.share * 100, 1)} % |`);
    }
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
      `(${fmt(lists.coupons / seed.seconds, 0)} coupons/s); InnoDB then wrote the seed's dirty pages back for ${fmt(seed.settleSeconds, 1)} s before the lists ran. ` +
      `\`GET /api/v1/coupons?page=N\` (per_page 100) at ${opts.listConnections} connections, ${opts.warmup} s warm-up, then ${opts.duration} s measured.`);
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
  if (batches) lines.push(...promotionCodeBatchReport(batches));
  if (stripe) lines.push(...stripeReport(stripe, lists));
  push();
  return lines.join('\n');
}

module.exports = { machine, buildReport };
