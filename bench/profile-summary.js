#!/usr/bin/env node
'use strict';
/**
 * Summarises a V8 .cpuprofile: top functions by self time, and self time grouped by package
 * (node_modules/<pkg>, our dist code, node internals, GC, idle).
 *   node bench/profile-summary.js /tmp/coupons-bench-prof/ours-create.cpuprofile [top] [last seconds]
 */
const { readFileSync } = require('node:fs');

function packageOf(url) {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /\/(dist\/apps\/[^/]+\/src\/[^/]+|libs\/coupons\/dist|bench)\//.exec(url);
  return dist ? dist[1] : url.replace(/^file:\/\//, '');
}

/** `lastSeconds`: only the samples of the profile's last seconds (the load, not the start-up). */
function summarize(file, top = 25, lastSeconds = Infinity) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  const from = profile.endTime - lastSeconds * 1e6;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += deltas[i] || 0;
    if (at < from) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) || 0) + (deltas[i] || 0));
  }
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  /** The nearest frame (itself or a caller) in a package or in our code: node internals and native code are charged to it. */
  const ownerCache = new Map();
  const ownerOf = (id) => {
    if (ownerCache.has(id)) return ownerCache.get(id);
    const { callFrame } = byId.get(id);
    let owner;
    if (['(idle)', '(garbage collector)', '(program)'].includes(callFrame.functionName)) owner = callFrame.functionName;
    else if (callFrame.url && !callFrame.url.startsWith('node:')) owner = packageOf(callFrame.url);
    else owner = parent.has(id) ? ownerOf(parent.get(id)) : '(native/V8, no JS caller)';
    ownerCache.set(id, owner);
    return owner;
  };
  const owners = new Map();
  for (const [id, us] of selfUs) owners.set(ownerOf(id), (owners.get(ownerOf(id)) || 0) + us);
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const pkgs = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const where = callFrame.url ? `${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|libs)\//, '$1/')}:${callFrame.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    fns.set(key, (fns.get(key) || 0) + us);
    const pkg = ['(idle)', '(garbage collector)', '(program)'].includes(name) ? name : packageOf(callFrame.url);
    pkgs.set(pkg, (pkgs.get(pkg) || 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const idle = pkgs.get('(idle)') || 0;
  const lines = [`total ${(total / 1e6).toFixed(1)} s sampled, busy ${((total - idle) / 1e6).toFixed(1)} s (${pct(total - idle).trim()})`, '', 'self time by package:'];
  for (const [pkg, us] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${pct(us)}  ${pkg}`);
  lines.push('', 'self time with node internals and native code charged to the calling package (socket writes → mysql2, …):');
  for (const [owner, us] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(us)}  ${owner}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${fn}`);
  return lines.join('\n');
}

module.exports = { summarize };

if (require.main === module) {
  const [file, top, last] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.js <file.cpuprofile> [top] [last seconds]\n');
    process.exit(2);
  }
  process.stdout.write(`${summarize(file, Number(top) || 25, Number(last) || Infinity)}\n`);
}
