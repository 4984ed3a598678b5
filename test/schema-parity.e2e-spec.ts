import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { runMigrationsLocked } from '../apps/api/src/database/run-migrations';
import { createTestDatabase } from './support/test-app';

/** TypeORM reads MariaDB's information_schema (quoted defaults, lower-case functions) only when told it is MariaDB. */
async function serverType(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as Array<{ version: string }>)[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/**
 * SQLite builds its schema from the entities, MySQL from the migrations: once every migration has run,
 * TypeORM must find nothing to change, or the two engines run different schemas.
 */
describe('schema parity: migrations against entities', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = { ...dataSourceOptions({ kind: 'mysql', url: database.url }), type: await serverType(database.url) };
    dataSource = await createDataSource(options as DataSourceOptions).initialize();
    await runMigrationsLocked(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leaves no migration pending', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('leaves TypeORM nothing to synchronize', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map(({ query }) => query)).toEqual([]);
  });
});
