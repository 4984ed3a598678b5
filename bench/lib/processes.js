'use strict';
/**
 * The bench's child processes: servers started on free ports, the built CLI (sync and async), and the
 * RSS of a process read from /proc. Every child is tracked so that an exit or a signal takes them down too.
 */
const { spawn, execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');

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

module.exports = { ROOT, CLI_MAIN, cleanupChildren, startServer, cli, runCliAsync, readProcStatus, sampleRss };
