/** Environment read and validated once at boot: a bad value stops start-up with a clear message. */
export interface AppConfig {
  port: number;
  host: string;
  database: { kind: 'mysql'; url: string } | { kind: 'sqlite'; path: string };
  /** Run the once-a-minute expiry sweep in this process. */
  schedulerEnabled: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Requests per minute and API key; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Shared rate-limit counters across processes; per-process memory when unset. */
  redisUrl: string | null;
  /** Browser origins allowed by CORS; none by default (the dashboard is same-origin). */
  corsOrigins: string[];
  /** API processes started by `npm start` (node:cluster). */
  workers: number;
  /** A request still waiting on the database after this long answers 503; 0 disables the deadline. */
  requestTimeoutMs: number;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseNonNegativeInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function parseDatabase(env: NodeJS.ProcessEnv): AppConfig['database'] {
  const url = env.DATABASE_URL;
  if (url === undefined || url === '') {
    return { kind: 'sqlite', path: env.SQLITE_PATH || './data/coupons.sqlite' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected mysql://user:pass@host:port/db)');
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new ConfigError(`DATABASE_URL must use mysql:// (got ${parsed.protocol}//)`);
  }
  if (parsed.pathname.length <= 1) throw new ConfigError('DATABASE_URL must name a database');
  return { kind: 'mysql', url };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!['silent', 'error', 'info', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be silent, error, info or debug (got "${logLevel}")`);
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    database: parseDatabase(env),
    schedulerEnabled: env.SCHEDULER !== 'off',
    logLevel,
    rateLimitPerMinute: parseNonNegativeInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 6000),
    redisUrl: env.REDIS_URL || null,
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((origin) => origin.trim()).filter(Boolean),
    workers: Math.max(1, parseNonNegativeInteger('WORKERS', env.WORKERS, 1)),
    requestTimeoutMs: parseNonNegativeInteger('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 15_000),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** For entry points (server, CLI): a bad environment ends the process with a one-line message. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}
