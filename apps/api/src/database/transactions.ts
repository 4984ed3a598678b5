import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableLockError } from './errors';

/**
 * A database transaction as services see it: a handle they pass on to repositories, never use themselves.
 * Repositories run their statements on it (and so in the transaction) when given one.
 */
export type Transaction = EntityManager;

/**
 * The last transaction queued on each SQLite database. TypeORM's SQLite driver runs every transaction on
 * one shared connection, so two that overlap would interleave their statements (the second becoming a
 * savepoint of the first); SQLite allows one writer anyway, so this process runs them one after another.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

/**
 * What ends a read that must keep its rows write-locked until the transaction ends: ` FOR UPDATE` on MySQL
 * (` FOR UPDATE SKIP LOCKED` for a queue's claim, which passes over rows another process holds); nothing on
 * SQLite, which has no row locks and runs one writing transaction at a time.
 */
export function lockingRead(dataSource: DataSource, { skipLocked = false } = {}): string {
  if (dataSource.options.type !== 'mysql') return '';
  return skipLocked ? ' FOR UPDATE SKIP LOCKED' : ' FOR UPDATE';
}

export interface TransactionOptions {
  /**
   * READ COMMITTED instead of MySQL's REPEATABLE READ: a locking read then locks the rows it returns and no
   * gaps between them, so that a queue's claim (`FOR UPDATE SKIP LOCKED`) never blocks the inserts that
   * add to the queue.
   */
  readCommitted?: boolean;
}

/** Runs `work` in a transaction, retrying it from the start after a deadlock or lock timeout. */
export function inTransaction<T>(dataSource: DataSource, work: (transaction: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (!isSqlite(dataSource)) return withRetries(dataSource, work, options);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(
    () => withRetries(dataSource, work, options),
    () => withRetries(dataSource, work, options),
  );
  sqliteQueues.set(dataSource, run.catch(() => undefined));
  return run;
}

async function withRetries<T>(dataSource: DataSource, work: (transaction: Transaction) => Promise<T>, { readCommitted }: TransactionOptions): Promise<T> {
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    try {
      // SQLite has a single isolation level; only MySQL/MariaDB take this one.
      return await (readCommitted && !isSqlite(dataSource) ? dataSource.transaction('READ COMMITTED', work) : dataSource.transaction(work));
    } catch (error) {
      if (attempt >= attempts || !isRetryableLockError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** How use-case services open a transaction without touching the ORM. */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (transaction: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return inTransaction(this.dataSource, work, options);
  }
}
