/**
 * Real API processes for the scale-out and safety suites: `node dist/apps/api/src/main.js` spawned with its
 * environment, on a port picked beforehand (PORT=0 would not tell us which), and API keys made by the CLI.
 */
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs);
}

/** Compiles the API and CLI when dist is missing or older than the sources (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  const built = Math.min(...[API_MAIN, CLI_MAIN].map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const sources = Math.max(newestMtime(join(ROOT, 'apps')), newestMtime(join(ROOT, 'libs/coupons/src')));
  if (built === 0 || sources > built) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** A port nobody listens on right now (bound by us on 127.0.0.1:0, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns one API process and waits until GET /health answers 200. */
export async function spawnApi(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), SCHEDULER: 'off', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${err || out}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`API process not healthy after ${timeoutMs} ms: ${err || out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, child, stdout: () => out, stderr: () => err, stop };
}

/** `api-keys:create --organization <name>` through the built CLI; the key is the last line of stdout. */
export async function createKeyWithCli(databaseUrl: string, organization: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI_MAIN, 'api-keys:create', '--organization', organization], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    timeout: 60_000,
  });
  const key = stdout.trim().split('\n').pop() ?? '';
  if (!/^cpn_/.test(key)) throw new Error(`the CLI printed no key: ${stdout}`);
  return key;
}
