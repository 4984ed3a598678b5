import { createConnection, type Connection } from 'mysql2/promise';
import { ExpireCouponsService } from '../apps/api/src/coupons/expire-coupons.service';
import { couponParams, expectStatus } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Idempotency keys are kept 24 h: the minute sweep deletes older ones, so the table does not grow forever. */
describe('idempotency keys: the minute sweep purges those older than 24 h', () => {
  let t: TestApp;
  let db: Connection;

  beforeAll(async () => {
    t = await startTestApp();
    db = await createConnection(t.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const bodies = new Map<string, unknown>();
  /** The same body for every retry of a key: another body would be a 422 for reusing the key. */
  function createWithKey(key: string) {
    if (!bodies.has(key)) bodies.set(key, { coupon: couponParams() });
    return t.api.post('/api/v1/coupons', bodies.get(key), { 'idempotency-key': key });
  }

  async function keyCount(): Promise<number> {
    const [rows] = await db.query('SELECT COUNT(*) AS count FROM idempotency_keys');
    return Number((rows as Array<{ count: number }>)[0].count);
  }

  it('deletes a key created 24 h and a minute ago, keeps a fresh one and one just under 24 h old', async () => {
    expectStatus(await createWithKey('old-key'), 200);
    const almost = expectStatus(await createWithKey('almost-a-day'), 200).body.coupon;
    const fresh = expectStatus(await createWithKey('fresh-key'), 200).body.coupon;
    expect(await keyCount()).toBe(3);
    // Ages the first two rows (inserted first, so the lowest ids).
    const [ids] = await db.query('SELECT id FROM idempotency_keys ORDER BY id LIMIT 2');
    const [oldId, almostId] = (ids as Array<{ id: number }>).map(({ id }) => id);
    await db.query('UPDATE idempotency_keys SET created_at = UTC_TIMESTAMP(3) - INTERVAL 1441 MINUTE WHERE id = ?', [oldId]);
    await db.query('UPDATE idempotency_keys SET created_at = UTC_TIMESTAMP(3) - INTERVAL 1439 MINUTE WHERE id = ?', [almostId]);

    await t.app.get(ExpireCouponsService).sweep();

    const [left] = await db.query('SELECT id FROM idempotency_keys ORDER BY id');
    expect((left as Array<{ id: number }>).map(({ id }) => id)).toEqual([almostId, expect.any(Number)]);
    // The kept keys still replay their first response.
    expect(expectStatus(await createWithKey('almost-a-day'), 200).body.coupon).toEqual(almost);
    expect(expectStatus(await createWithKey('fresh-key'), 200).body.coupon).toEqual(fresh);
    // The purged key is forgotten: its retry runs again (and finds the code taken) instead of replaying.
    const retried = await createWithKey('old-key');
    expect(retried.status).toBe(422);
    expect(retried.body.error_details).toEqual({ code: ['value_already_exist'] });
  });
});
