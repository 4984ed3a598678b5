import { createConnection } from 'mysql2/promise';
import { ApiClient } from './support/api-client';
import { createTestDatabase } from './support/test-app';
import { createCoupon, expectStatus } from './support/factories';
import { ApiProcess, createKeyWithCli, ensureBuilt, spawnApi } from './robustness/support/processes';

const COUNT = 100_000;

/**
 * A real API process (from the build) killed with SIGKILL in the middle of a batch, then started again: the
 * batch resumes from its committed progress and ends with exactly `count` distinct codes.
 */
describe('promotion code batch survives a crash of the process generating it', () => {
  let database: { url: string; drop(): Promise<void> };
  let server: ApiProcess | null = null;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  async function batchRow(lagoId: string) {
    const connection = await createConnection(database.url);
    try {
      const [[batch]] = (await connection.query('SELECT id, status, count, generated_count FROM promotion_code_batches WHERE lago_id = ?', [lagoId])) as any;
      const [[codes]] = (await connection.query(
        'SELECT COUNT(*) AS total, COUNT(DISTINCT code_key) AS distinct_keys FROM promotion_codes WHERE batch_id = ?',
        [batch.id],
      )) as any;
      return { status: batch.status, generated: Number(batch.generated_count), total: Number(codes.total), distinct: Number(codes.distinct_keys) };
    } finally {
      await connection.end();
    }
  }

  it(`completes a ${COUNT}-code batch with exactly ${COUNT} distinct codes after kill -9 and a restart`, async () => {
    const env = { DATABASE_URL: database.url };
    server = await spawnApi(env);
    const key = await createKeyWithCli(database.url, 'Restart organization');
    let api = new ApiClient(server.baseUrl, key);
    const coupon = (await createCoupon(api)).code;
    const created = expectStatus(await api.post('/api/v1/promotion_code_batches', { promotion_code_batch: { coupon_code: coupon, count: COUNT } }), 200)
      .body.promotion_code_batch;

    // Killed once some codes are committed, well before the end.
    for (let progress = 0; progress < 10_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = (await batchRow(created.lago_id)).generated;
      if (progress >= COUNT) throw new Error('the batch completed before the process could be killed');
    }
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server!.child.once('exit', resolve));
    const atCrash = await batchRow(created.lago_id);
    expect(atCrash.status).toBe('generating');
    // Progress moves with its codes: what the crash left is consistent.
    expect(atCrash.generated).toBe(atCrash.total);
    expect(atCrash.generated).toBeLessThan(COUNT);

    // The dead process's lease lapses; the new process's re-check then takes the batch up.
    server = await spawnApi(env);
    api = new ApiClient(server.baseUrl, key);
    const deadline = Date.now() + 240_000;
    let batch: any;
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      batch = expectStatus(await api.get(`/api/v1/promotion_code_batches/${created.lago_id}`), 200).body.promotion_code_batch;
    } while (batch.status !== 'completed' && Date.now() < deadline);
    expect(batch).toMatchObject({ status: 'completed', count: COUNT, generated_count: COUNT });
    expect(await batchRow(created.lago_id)).toEqual({ status: 'completed', generated: COUNT, total: COUNT, distinct: COUNT });

    const csv = await fetch(`${server.baseUrl}/api/v1/promotion_code_batches/${created.lago_id}/codes.csv`, { headers: { authorization: `Bearer ${key}` } });
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(COUNT + 1);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(COUNT);
  }, 360_000);
});
