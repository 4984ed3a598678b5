import { ConfigError, loadOrExit } from './config-error';
import { DatabaseConfig, loadDatabaseConfig } from './database-config';

/** Environment read and validated once at boot: a bad value stops start-up with a clear message. */
export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Run the once-a-minute expiry sweep in this process. */
  schedulerEnabled: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Requests per minute and API key; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Shared rate-limit counters across processes; per-process memory when unset. */
  redisUrl: string | null;
  /** Browser origins allowed by CORS; none by default (the dashboard is same-origin). */
  corsOrigins: string[];
  /**
   * Behind a reverse proxy: the client's address and protocol come from its X-Forwarded-* headers, so that a
   * session cookie is marked Secure when the browser spoke HTTPS to the proxy. Off when clients connect directly.
   */
  trustProxy: boolean;
  /** API processes started by `npm start` (node:cluster). */
  workers: number;
  /** A request still waiting on the database after this long answers 503; 0 disables the deadline. */
  requestTimeoutMs: number;
  /** Days events (and webhook delivery logs) are kept before the minute sweep deletes them. */
  eventsRetentionDays: number;
  webhooks: WebhooksConfig;
}

export interface WebhooksConfig {
  /** Run the dispatcher and delivery workers in this API process. */
  workersEnabled: boolean;
  /** Seconds to wait before each retry of a failed attempt; its length is the number of retries. */
  retrySchedule: number[];
  /** Accept endpoints on loopback and private networks (tests, local development). */
  allowPrivateUrls: boolean;
}

/** 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about a day and a half of retries. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

function parseRetrySchedule(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_WEBHOOK_RETRY_SCHEDULE;
  const delays = raw.split(',').map((part) => part.trim());
  if (delays.some((delay) => !/^\d+$/.test(delay) || Number(delay) > 7 * 86_400)) {
    throw new ConfigError(`WEBHOOK_RETRY_SCHEDULE must be comma-separated seconds (each at most a week), got "${raw}"`);
  }
  return delays.map(Number);
}

function parseOnOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (true or false), got "${raw}"`);
}

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

function parsePositiveInteger(name: string, raw: string | undefined, fallback: number): number {
  const value = parseNonNegativeInteger(name, raw, fallback);
  if (value === 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!['silent', 'error', 'info', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be silent, error, info or debug (got "${logLevel}")`);
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    database: loadDatabaseConfig(env),
    schedulerEnabled: env.SCHEDULER !== 'off',
    logLevel,
    rateLimitPerMinute: parseNonNegativeInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 6000),
    redisUrl: env.REDIS_URL || null,
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((origin) => origin.trim()).filter(Boolean),
    trustProxy: parseOnOff('TRUST_PROXY', env.TRUST_PROXY, false),
    workers: Math.max(1, parseNonNegativeInteger('WORKERS', env.WORKERS, 1)),
    requestTimeoutMs: parseNonNegativeInteger('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 15_000),
    eventsRetentionDays: parsePositiveInteger('EVENTS_RETENTION_DAYS', env.EVENTS_RETENTION_DAYS, 30),
    webhooks: {
      workersEnabled: parseOnOff('WEBHOOK_WORKERS', env.WEBHOOK_WORKERS, true),
      retrySchedule: parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE),
      allowPrivateUrls: parseOnOff('WEBHOOKS_ALLOW_PRIVATE_URLS', env.WEBHOOKS_ALLOW_PRIVATE_URLS, false),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** For entry points (server, CLI): a bad environment ends the process with a one-line message. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadOrExit(() => loadConfig(env));
}
