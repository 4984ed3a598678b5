import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** mysql2's callback API, on a pool or on one connection. */
interface Executor {
  execute(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * A prepared statement on MySQL (mysql2 `execute`, parsed once per connection): on TypeORM's pool, or on
 * the connection of the manager's transaction. A plain query elsewhere. For the hot paths, where
 * TypeORM's query building costs more than the query.
 */
export async function preparedQuery<T = Record<string, unknown>>(source: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const dataSource = source instanceof DataSource ? source : source.connection;
  const queryRunner = source instanceof DataSource ? undefined : source.queryRunner;
  if (dataSource.options.type !== 'mysql') return source.query(sql, params);
  const executor: Executor | undefined = queryRunner
    ? ((await queryRunner.connect()) as Executor)
    : (dataSource.driver as unknown as { pool?: Executor }).pool;
  if (!executor) return source.query(sql, params);
  return new Promise((resolve, reject) => {
    executor.execute(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
  });
}

type ColumnReader = { databaseName: string; propertyName: string; read: (value: unknown) => unknown };

/** Per entity, how each raw column becomes a property: worked out once, not for every row of every page. */
const readers = new WeakMap<EntityMetadata, ColumnReader[]>();

function columnReaders(metadata: EntityMetadata): ColumnReader[] {
  let found = readers.get(metadata);
  if (found) return found;
  found = metadata.columns.map((column) => {
    const convert =
      column.type === 'boolean'
        ? (value: unknown) => value === true || value === 1 || value === '1'
        : column.type === 'simple-json'
          ? (value: unknown): unknown => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value)
          : column.type === 'datetime'
            ? (value: unknown) => (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`))
            : (value: unknown) => value;
    const transformer = column.transformer && !Array.isArray(column.transformer) ? column.transformer : null;
    const read = transformer
      ? (value: unknown): unknown => transformer.from(value === null ? null : convert(value)) as unknown
      : (value: unknown): unknown => (value === null ? null : convert(value));
    return { databaseName: column.databaseName, propertyName: column.propertyName, read };
  });
  readers.set(metadata, found);
  return found;
}

/** Builds an entity from a raw row with its columns' own conversions (transformers, booleans, JSON, dates). */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  return hydrateAll(dataSource, target, [row])[0];
}

export function hydrateAll<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const metadata = dataSource.getMetadata(target);
  const columns = columnReaders(metadata);
  return rows.map((row) => {
    const entity = metadata.create() as Record<string, unknown>;
    for (const column of columns) {
      const value = row[column.databaseName];
      if (value !== undefined) entity[column.propertyName] = column.read(value);
    }
    return entity as T;
  });
}

/**
 * INSERT of one entity as a prepared statement, every column given (no reload of defaults afterwards);
 * returns the new auto-increment id. Other engines go through TypeORM's insert.
 */
export async function preparedInsert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, entity: T): Promise<number> {
  const dataSource = manager.connection;
  if (dataSource.options.type !== 'mysql') {
    const result = await manager.createQueryBuilder().insert().into(target).values(entity).updateEntity(false).execute();
    // mysql2 reports insertId; better-sqlite3 the row id.
    return Number((result.raw as { insertId?: number }).insertId ?? result.raw);
  }
  const { sql, values } = insertOf(dataSource, target, entity);
  const result = (await preparedQuery(manager, sql, values)) as unknown as { insertId: number };
  return result.insertId;
}

/** The INSERT of one entity, every column given, and its parameters: for statements sent together. */
export function insertOf<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, entity: T): { sql: string; values: unknown[] } {
  const { sql, columns } = insertStatement(dataSource.getMetadata(target));
  return { sql, values: columns.map((column) => columnValue(entity, column)) };
}

/**
 * Multi-row INSERTs of whole entities, `rowsPerStatement` at a time, every column given. On MySQL a plain
 * query with positional parameters: TypeORM's builder spends most of a large insert naming and rewriting
 * its parameters. SQLite keeps the builder (its own value conversions; small, single-writer inserts).
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[], rowsPerStatement: number): Promise<void> {
  const mysql = manager.connection.options.type === 'mysql';
  const { columns, names, tuple } = insertStatement(manager.connection.getMetadata(target));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    if (!mysql) {
      await manager.createQueryBuilder().insert().into(target).values(chunk).updateEntity(false).execute();
      continue;
    }
    const params: unknown[] = [];
    for (const row of chunk) for (const column of columns) params.push(columnValue(row, column));
    await manager.query(`INSERT INTO ${names} VALUES ${chunk.map(() => tuple).join(', ')}`, params);
  }
}

const columnValue = (entity: ObjectLiteral, column: InsertColumn) => {
  const value: unknown = (entity as Record<string, unknown>)[column.propertyName] ?? null;
  return column.json && value !== null ? JSON.stringify(value) : value;
};

type InsertColumn = { propertyName: string; json: boolean };

/** `sql` inserts one row; `names` is the table and its columns, `tuple` one row's placeholders, for multi-row inserts. */
type InsertStatement = { sql: string; names: string; tuple: string; columns: InsertColumn[] };

/** Per entity, its INSERT and the columns it takes, in order: built once, not on every create. */
const insertStatements = new WeakMap<EntityMetadata, InsertStatement>();

function insertStatement(metadata: EntityMetadata): InsertStatement {
  let statement = insertStatements.get(metadata);
  if (statement) return statement;
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const names = `\`${metadata.tableName}\` (${columns.map((column) => `\`${column.databaseName}\``).join(', ')})`;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  statement = {
    sql: `INSERT INTO ${names} VALUES ${tuple}`,
    names,
    tuple,
    columns: columns.map((column) => ({ propertyName: column.propertyName, json: column.type === 'simple-json' })),
  };
  insertStatements.set(metadata, statement);
  return statement;
}

/**
 * How many rows an UPDATE or DELETE changed: a prepared statement on MySQL, TypeORM's structured result
 * elsewhere. For the conditional UPDATEs of hot paths (a redemption taken only while one is left).
 */
export async function affectedRows(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (manager.connection.options.type === 'mysql') {
    return ((await preparedQuery(manager, sql, params)) as unknown as { affectedRows: number }).affectedRows;
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return ((await runner.query(sql, params, true)) as { affected?: number }).affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * An entity's columns in a statement that reads several tables' rows side by side, each named
 * `<alias>__<column>` so that theirs never collide (`id`, `created_at`, …), and how to build the entity back
 * out of such a row (null when its outer join found nothing).
 */
export interface AliasedEntity<T> {
  columns: string;
  read(row: Record<string, unknown>): T | null;
}

/** Per entity and alias: worked out once, not on every request. */
const aliasedEntities = new WeakMap<EntityMetadata, Map<string, AliasedEntity<ObjectLiteral>>>();

export function aliasedEntity<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, alias: string): AliasedEntity<T> {
  const metadata = dataSource.getMetadata(target);
  let byAlias = aliasedEntities.get(metadata);
  const found = byAlias?.get(alias);
  if (found) return found as AliasedEntity<T>;
  if (!byAlias) aliasedEntities.set(metadata, (byAlias = new Map<string, AliasedEntity<ObjectLiteral>>()));
  const quote = (name: string) => dataSource.driver.escape(name);
  const columns = columnReaders(metadata).map((column) => ({ ...column, aliased: `${alias}__${column.databaseName}` }));
  const primary = `${alias}__${metadata.primaryColumns[0].databaseName}`;
  const made: AliasedEntity<ObjectLiteral> = {
    columns: columns.map((column) => `${quote(alias)}.${quote(column.databaseName)} AS ${quote(column.aliased)}`).join(', '),
    read(row) {
      if (row[primary] === null || row[primary] === undefined) return null;
      const entity = metadata.create() as Record<string, unknown>;
      for (const column of columns) {
        const value = row[column.aliased];
        if (value !== undefined) entity[column.propertyName] = column.read(value);
      }
      return entity;
    },
  };
  byAlias.set(alias, made);
  return made as AliasedEntity<T>;
}
