import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * One model, two engines. MySQL/MariaDB gets its schema from real migrations, run at start;
 * the embedded SQLite default (a new user's first run) is built from the entities instead.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
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
      // multipleStatements: hot paths send a transaction's statements in one round trip (statement-batch.ts).
      // Every statement is parameterized, so it widens nothing an input could reach.
      extra: { connectionLimit: 20, connectTimeout: 2000, enableKeepAlive: true, multipleStatements: true },
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

/**
 * A DataSource (not yet initialized) for these options. On MySQL, created_at/updated_at default to
 * CURRENT_TIMESTAMP(3), as the DATETIME(3) columns hold: TypeORM's MySQL default, CURRENT_TIMESTAMP(6),
 * is refused by MySQL on a DATETIME(3) and narrowed by MariaDB, so the entities would never match the
 * migrated schema. The SQLite driver keeps its own default (SQLite has no precision argument).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  // MEDIUMTEXT (the events' JSON, over TEXT's 64 KB on MySQL) is a valid SQLite column type with text
  // affinity, as any type name containing "TEXT" is; TypeORM's SQLite driver merely leaves it off its list.
  if (dataSource.driver.options.type === 'better-sqlite3') dataSource.driver.supportedDataTypes.push('mediumtext');
  if (dataSource.driver.options.type === 'mysql' || dataSource.driver.options.type === 'mariadb') {
    Object.assign(dataSource.driver.mappedDataTypes, {
      createDateDefault: 'CURRENT_TIMESTAMP(3)',
      updateDateDefault: 'CURRENT_TIMESTAMP(3)',
    });
  }
  return dataSource;
}
