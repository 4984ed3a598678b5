import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { inTransaction } from '../apps/api/src/database/transactions';

/**
 * TypeORM's SQLite driver shares one connection between all transactions: two that overlap in time must run
 * one after the other, or the second's statements land inside the first (and share its rollback).
 */
describe('SQLite transactions', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource(dataSourceOptions({ kind: 'sqlite', path: ':memory:' })).initialize();
  });
  afterAll(() => dataSource?.destroy());

  const names = async () =>
    (await dataSource.query<{ name: string }[]>('SELECT name FROM organizations ORDER BY id')).map((row) => row.name);

  it("keeps a transaction that started while another was open out of the other's rollback", async () => {
    const failing = inTransaction(dataSource, async (tx) => {
      await tx.query("INSERT INTO organizations (name) VALUES ('rolled back')");
      await sleep(50);
      throw new Error('the first transaction fails');
    });
    await sleep(10);
    const succeeding = inTransaction(dataSource, (tx) => tx.query("INSERT INTO organizations (name) VALUES ('kept')"));
    await expect(failing).rejects.toThrow('the first transaction fails');
    await succeeding;
    expect(await names()).toEqual(['kept']);
  });

  it('runs queued transactions in the order they were asked for', async () => {
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name, index) =>
        inTransaction(dataSource, async () => {
          await sleep(30 - index * 10);
          order.push(name);
        }),
      ),
    );
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
