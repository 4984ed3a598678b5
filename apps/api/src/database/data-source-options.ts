import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * One model, two engines. MySQL/MariaDB gets its schema from real migrations, run at start;
 * the embedded SQLite default (a new user's first run) is built from the entities instead.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'mysql') {
    return {
      type: 'mysql',
      url: database.url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      // Run at start by runMigrationsLocked, so that concurrent starts don't race.
      migrationsRun: false,
      synchronize: false,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: false,
      extra: { connectionLimit: 20, connectTimeout: 2000, enableKeepAlive: true },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    synchronize: true, // SQLite only: schema from the entities (MySQL's comes from migrations)
    // One writer at a time; wait for it instead of failing with SQLITE_BUSY.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}
