import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../apps/api/src/app.factory';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { ApiKeysService } from '../../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './api-client';

/** MariaDB server the suites create their databases on (root, empty password on CI machines). */
const SERVER_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  apiKey: string;
  api: ApiClient;
  databaseUrl: string;
  /** Another organization's key, for isolation tests. */
  newApiKey(organization?: string): Promise<string>;
  close(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const connection = await createConnection(SERVER_URL);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** A fresh database per suite; refuses any name without "test" so a suite can never touch real data. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `coupons_test_${randomBytes(6).toString('hex')}`;
  if (!name.includes('test')) throw new Error(`refusing to use database ${name}`);
  await adminQuery(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { url: `${SERVER_URL}/${name}`, drop: () => adminQuery(`DROP DATABASE IF EXISTS \`${name}\``) };
}

export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'mysql', url: databaseUrl },
    schedulerEnabled: false,
    logLevel: 'silent',
    rateLimitPerMinute: 0,
    redisUrl: null,
    corsOrigins: [],
    trustProxy: false,
    workers: 1,
    requestTimeoutMs: 0,
    eventsRetentionDays: 30,
    webhooks: { workersEnabled: false, retrySchedule: [5, 300, 1800, 7200, 18_000, 36_000, 36_000], allowPrivateUrls: false },
    ...overrides,
  };
}

/**
 * Closes the app, waiting at most `ms` (connections stuck in a network partition are abandoned). The
 * timer is cleared either way: a pending one would keep Jest running after the last test.
 */
export async function closeWithin(app: NestFastifyApplication, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([app.close(), givenUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** Boots the real application on a fresh MariaDB database, listening on a random port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp(testConfig(database.url, overrides));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiKeys = app.get(ApiKeysService);
  const newApiKey = async (organization = `org-${randomBytes(4).toString('hex')}`) => (await apiKeys.create(organization)).apiKey;
  const apiKey = await newApiKey('Test organization');
  return {
    app,
    baseUrl,
    apiKey,
    api: new ApiClient(baseUrl, apiKey),
    databaseUrl: database.url,
    newApiKey,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
