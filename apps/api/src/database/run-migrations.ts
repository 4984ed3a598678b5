import { DataSource } from 'typeorm';

const LOCK_NAME = 'coupons:migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Several API processes may start together on one MySQL: a named lock lets one of them migrate while
 * the others wait, then find nothing pending.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [LOCK_NAME, LOCK_WAIT_SECONDS])) as { acquired: unknown }[];
    if (Number(row.acquired) !== 1) throw new Error('timed out waiting for another process to finish migrating');
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
