import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DateUtils, EntityManager } from 'typeorm';
import type { Transaction } from './transactions';

/** One SQL statement with its positional parameters, built by the repository that owns its table. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** What one statement of a batch answered: a read's rows, a write's counts. */
export interface StatementResult {
  rows: Record<string, unknown>[];
  affectedRows: number;
  insertId: number;
}

interface MysqlExecutor {
  query(sql: string, params: unknown[], callback: (error: Error | null, results: unknown) => void): void;
}

function resultOf(raw: unknown): StatementResult {
  if (Array.isArray(raw)) return { rows: raw as Record<string, unknown>[], affectedRows: 0, insertId: 0 };
  const header = raw as { affectedRows?: number; insertId?: number };
  return { rows: [], affectedRows: header.affectedRows ?? 0, insertId: Number(header.insertId ?? 0) };
}

/**
 * Sends statements in order and answers each one's result. On MySQL they go in one round trip, as one
 * multi-statement query on the transaction's connection (or a pooled one): on a busy server, a round trip
 * costs more than the statement it carries. The server stops at the first failing statement, which then
 * rejects the whole batch. Elsewhere (SQLite, in-process) they run one after another.
 */
export async function runStatements(source: DataSource | EntityManager, statements: Statement[]): Promise<StatementResult[]> {
  if (statements.length === 0) return [];
  const dataSource = source instanceof DataSource ? source : source.connection;
  const queryRunner = source instanceof DataSource ? undefined : source.queryRunner;
  if (dataSource.options.type === 'mysql') {
    const executor = (queryRunner ? await queryRunner.connect() : (dataSource.driver as unknown as { pool: MysqlExecutor }).pool) as MysqlExecutor;
    const sql = statements.map((statement) => statement.sql).join('; ');
    const params = statements.flatMap((statement) => statement.params);
    const raw = await new Promise<unknown>((resolve, reject) => executor.query(sql, params, (error, results) => (error ? reject(error) : resolve(results))));
    // A single statement answers its own result; several, an array of theirs.
    return statements.length === 1 ? [resultOf(raw)] : (raw as unknown[]).map(resultOf);
  }
  const runner = queryRunner ?? dataSource.createQueryRunner();
  try {
    const results: StatementResult[] = [];
    for (const { sql, params: given } of statements) {
      // Dates as TypeORM stores them in SQLite, so that they compare with the stored ones as text.
      const params = given.map((value): unknown => (value instanceof Date ? (DateUtils.mixedDateToUtcDatetimeString(value) as string) : value));
      const result = (await runner.query(sql, params, true)) as { records?: Record<string, unknown>[]; affected?: number; raw?: unknown };
      results.push({ rows: result.records ?? [], affectedRows: result.affected ?? 0, insertId: typeof result.raw === 'number' ? result.raw : 0 });
    }
    return results;
  } finally {
    if (!queryRunner) await runner.release();
  }
}

/** How use-case services send a repository-built batch, on their transaction or on their own. */
@Injectable()
export class StatementRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(statements: Statement[], tx?: Transaction): Promise<StatementResult[]> {
    return runStatements(tx ?? this.dataSource, statements);
  }
}
