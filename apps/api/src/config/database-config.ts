import { ConfigError } from './config-error';

/**
 * Where the data lives: MySQL/MariaDB when DATABASE_URL is set, else the embedded SQLite file. Its own
 * module because the server, the CLI and TypeORM's migration CLI all need it, and nothing else of the
 * server's settings.
 */
export type DatabaseConfig = { kind: 'mysql'; url: string } | { kind: 'sqlite'; path: string };

export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
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
