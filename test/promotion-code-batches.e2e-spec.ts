import { createConnection } from 'mysql2/promise';
import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, createCoupon, createCustomer, expectStatus, ISO_SECONDS, isoIn, notFoundBody, uniqueCode, UUID, validationBody,
} from './support/factories';
import { postValidation, promotionCodeByCode } from './support/promotion-code-factories';

const BATCH_KEYS = ['lago_id', 'coupon_code', 'status', 'count', 'generated_count', 'prefix', 'length', 'created_at', 'completed_at'];
const CSV_HEADER = 'code,active,max_redemptions,redemptions_count,expires_at,created_at';
const RANDOM_SYMBOL = '[ABCDEFGHJKMNPQRSTUVWXYZ23456789]';
/** 31^4 = 923 521 codes of four symbols: 1 % of them is 9 235. */
const MOST_CODES_OF_LENGTH_4 = 9235;

/** Batches of unique promotion codes: created at once, generated in the background, exported as CSV. */
describe('promotion code batches', () => {
  let t: TestApp;
  let couponCode: string;

  const createBatch = (batch: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.api.post('/api/v1/promotion_code_batches', { promotion_code_batch: batch }, headers);

  async function query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const connection = await createConnection(t.databaseUrl);
    try {
      return (await connection.query(sql, params))[0] as T[];
    } finally {
      await connection.end();
    }
  }

  /** Polls the batch until it is completed (or failed). */
  async function settled(lagoId: string, timeoutMs = 60_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { promotion_code_batch: batch } = expectStatus(await t.api.get(`/api/v1/promotion_code_batches/${lagoId}`), 200).body;
      if (batch.status === 'completed' || batch.status === 'failed') return batch;
      if (Date.now() > deadline) throw new Error(`batch ${lagoId} still ${batch.status} (${batch.generated_count}/${batch.count})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function csvOf(lagoId: string): Promise<{ status: number; type: string | null; lines: string[] }> {
    const response = await fetch(`${t.baseUrl}/api/v1/promotion_code_batches/${lagoId}/codes.csv`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), lines: text.split('\n') };
  }

  beforeAll(async () => {
    t = await startTestApp();
    couponCode = (await createCoupon(t.api, { max_redemptions: 100, expiration: 'time_limit', expiration_at: isoIn(30) })).code;
  });
  afterAll(() => t?.close());

  it('answers at once with a pending batch, then generates exactly `count` codes of the template', async () => {
    const response = expectStatus(await createBatch({ coupon_code: couponCode, count: 250, prefix: 'spring-', length: 6 }), 200);
    const created = response.body.promotion_code_batch;
    expect(Object.keys(response.body)).toEqual(['promotion_code_batch']);
    expect(Object.keys(created)).toEqual(BATCH_KEYS);
    expect(created).toMatchObject({ coupon_code: couponCode, status: 'pending', count: 250, generated_count: 0, prefix: 'spring-', length: 6, completed_at: null });
    expect(created.lago_id).toMatch(UUID);
    expect(created.created_at).toMatch(ISO_SECONDS);

    const done = await settled(created.lago_id);
    expect(done).toMatchObject({ lago_id: created.lago_id, status: 'completed', count: 250, generated_count: 250, created_at: created.created_at });
    expect(done.completed_at).toMatch(ISO_SECONDS);

    const rows = await query('SELECT p.code, p.code_key, p.max_redemptions, p.active FROM promotion_codes p JOIN promotion_code_batches b ON b.id = p.batch_id WHERE b.lago_id = ?', [created.lago_id]);
    expect(rows).toHaveLength(250);
    for (const row of rows) {
      expect(row.code).toMatch(new RegExp(`^spring-${RANDOM_SYMBOL}{6}$`));
      expect(row.code_key).toBe(row.code.toUpperCase());
      expect(Number(row.max_redemptions)).toBe(1);
      expect(Number(row.active)).toBe(1);
    }
    expect(new Set(rows.map((row) => row.code_key)).size).toBe(250);

    // A checkout validation of one of them names the batch it came from, as the code's own read does.
    const customer = await createCustomer(t.api);
    const { validation } = expectStatus(await postValidation(t.api, { code: rows[0].code.toUpperCase(), external_customer_id: customer.external_id }), 200).body;
    expect(validation).toMatchObject({ valid: true, reason: null, promotion_code: { code: rows[0].code, lago_batch_id: created.lago_id } });
    expect(validation.promotion_code).toEqual(await promotionCodeByCode(t.api, rows[0].code));
  });

  it('exports a completed batch as CSV: a header, then one line per code', async () => {
    const expiresAt = isoIn(10);
    const created = expectStatus(await createBatch({ coupon_code: couponCode, count: 120, max_redemptions: 3, expires_at: expiresAt }), 200).body.promotion_code_batch;
    await settled(created.lago_id);
    const csv = await csvOf(created.lago_id);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.lines[0]).toBe(CSV_HEADER);
    expect(csv.lines.at(-1)).toBe('');
    const lines = csv.lines.slice(1, -1);
    expect(lines).toHaveLength(120);
    for (const line of lines) {
      expect(line).toMatch(new RegExp(`^${RANDOM_SYMBOL}{10},true,3,0,${expiresAt},\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$`));
    }
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(120);
  });

  it('answers 409 batch_not_completed for the CSV while another process holds the batch, then completes it once that one is gone', async () => {
    // The next batch's lease, held by a process that died just now: nobody generates it until the lease lapses.
    const [{ next }] = await query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM promotion_code_batches');
    await query('INSERT INTO job_locks (name, locked_until, locked_by) VALUES (?, ?, ?)', [`promotion-code-batch:${next}`, new Date(Date.now() + 3_000), 'gone:1']);
    const created = expectStatus(await createBatch({ coupon_code: couponCode, count: 40 }), 200).body.promotion_code_batch;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(expectStatus(await t.api.get(`/api/v1/promotion_code_batches/${created.lago_id}`), 200).body.promotion_code_batch)
      .toMatchObject({ status: 'pending', generated_count: 0 });
    const early = await t.api.get(`/api/v1/promotion_code_batches/${created.lago_id}/codes.csv`);
    expect({ status: early.status, body: early.body }).toEqual({ status: 409, body: { status: 409, error: 'Conflict', code: 'batch_not_completed' } });
    // The API process re-checks unfinished batches every ~10 s.
    expect(await settled(created.lago_id, 30_000)).toMatchObject({ status: 'completed', generated_count: 40 });
  }, 40_000);

  it('lists batches newest first with the pagination meta', async () => {
    const other = await t.newApiKey();
    const otherCoupon = (await createCoupon(t.api.withKey(other))).code;
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(expectStatus(await createBatch({ coupon_code: couponCode, count: 5 }), 200).body.promotion_code_batch.lago_id);
    expectStatus(await t.api.withKey(other).post('/api/v1/promotion_code_batches', { promotion_code_batch: { coupon_code: otherCoupon, count: 5 } }), 200);

    const first = expectStatus(await t.api.get('/api/v1/promotion_code_batches?per_page=2'), 200).body;
    expect(Object.keys(first)).toEqual(['promotion_code_batches', 'meta']);
    expect(first.promotion_code_batches.map((batch: any) => batch.lago_id)).toEqual([mine[2], mine[1]]);
    const total = first.meta.total_count;
    expect(first.meta).toEqual({ current_page: 1, next_page: 2, prev_page: null, total_pages: Math.ceil(total / 2), total_count: total });
    const all = expectStatus(await t.api.get('/api/v1/promotion_code_batches?per_page=100'), 200).body.promotion_code_batches;
    expect(all).toHaveLength(total);
    expect(all.every((batch: any) => batch.coupon_code === couponCode)).toBe(true);
    for (const batch of all) expect(Object.keys(batch)).toEqual(BATCH_KEYS);
  });

  it('lists the batches of one coupon with coupon_code (none for an unknown code)', async () => {
    const otherCoupon = (await createCoupon(t.api)).code;
    const ofOther = expectStatus(await createBatch({ coupon_code: otherCoupon, count: 5 }), 200).body.promotion_code_batch.lago_id;
    const filtered = expectStatus(await t.api.get(`/api/v1/promotion_code_batches?coupon_code=${otherCoupon}`), 200).body;
    expect(filtered.promotion_code_batches.map((batch: any) => batch.lago_id)).toEqual([ofOther]);
    expect(filtered.meta.total_count).toBe(1);
    const mine = expectStatus(await t.api.get(`/api/v1/promotion_code_batches?coupon_code=${couponCode}&per_page=100`), 200).body;
    expect(mine.promotion_code_batches.length).toBeGreaterThan(0);
    expect(mine.promotion_code_batches.every((batch: any) => batch.coupon_code === couponCode)).toBe(true);
    const unknown = expectStatus(await t.api.get('/api/v1/promotion_code_batches?coupon_code=NOPE'), 200).body;
    expect(unknown).toEqual({ promotion_code_batches: [], meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 } });
  });

  it('is 404 promotion_code_batch_not_found for an unknown batch or another organization\'s', async () => {
    const mine = expectStatus(await createBatch({ coupon_code: couponCode, count: 1 }), 200).body.promotion_code_batch.lago_id;
    const stranger = t.api.withKey(await t.newApiKey());
    for (const path of [`/api/v1/promotion_code_batches/${mine}`, `/api/v1/promotion_code_batches/${mine}/codes.csv`]) {
      const response = await stranger.get(path);
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('promotion_code_batch_not_found') });
    }
    const unknown = await t.api.get('/api/v1/promotion_code_batches/00000000-0000-4000-8000-000000000000');
    expect(unknown.body).toEqual(notFoundBody('promotion_code_batch_not_found'));
  });

  it('never gives two codes the same key, even against the codes of earlier batches (retries the ones taken)', async () => {
    // Two batches of one crowded template (1 % of its space each): some candidates of the second are taken by the first.
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const created = expectStatus(await createBatch({ coupon_code: couponCode, count: MOST_CODES_OF_LENGTH_4, prefix: 'Q', length: 4 }), 200).body.promotion_code_batch;
      ids.push(created.lago_id);
    }
    for (const id of ids) expect(await settled(id)).toMatchObject({ status: 'completed', generated_count: MOST_CODES_OF_LENGTH_4 });
    const [{ codes, distinct_keys: keys }] = await query(
      "SELECT COUNT(*) AS codes, COUNT(DISTINCT code_key) AS distinct_keys FROM promotion_codes WHERE code_key LIKE 'Q%' AND CHAR_LENGTH(code) = 5",
    );
    expect(Number(codes)).toBe(2 * MOST_CODES_OF_LENGTH_4);
    expect(Number(keys)).toBe(2 * MOST_CODES_OF_LENGTH_4);
  }, 120_000);

  it('replays an idempotent create without a second batch', async () => {
    const key = uniqueCode('idem');
    const first = expectStatus(await createBatch({ coupon_code: couponCode, count: 3 }, { 'idempotency-key': key }), 200);
    const again = expectStatus(await createBatch({ coupon_code: couponCode, count: 3 }, { 'idempotency-key': key }), 200);
    expect(again.body).toEqual(first.body);
    const [{ batches }] = await query('SELECT COUNT(*) AS batches FROM promotion_code_batches WHERE lago_id = ?', [first.body.promotion_code_batch.lago_id]);
    expect(Number(batches)).toBe(1);
  });

  describe('refuses bad input, each field under its own key', () => {
    it('count: 1 to 1 000 000, and at most 1 % of the 31^length codes', async () => {
      const cases: [Record<string, unknown>, Record<string, string[]>][] = [
        [{}, { count: ['value_is_mandatory'] }],
        [{ count: null }, { count: ['value_is_mandatory'] }],
        [{ count: 0 }, { count: ['value_is_out_of_range'] }],
        [{ count: -5 }, { count: ['value_is_out_of_range'] }],
        [{ count: 1_000_001 }, { count: ['value_is_out_of_range'] }],
        [{ count: 2.5 }, { count: ['value_is_invalid'] }],
        [{ count: '10' }, { count: ['value_is_invalid'] }],
        [{ count: MOST_CODES_OF_LENGTH_4 + 1, length: 4 }, { count: ['value_is_out_of_range'] }],
        // 31^5 = 28 629 151: 1 % of it is 286 291.
        [{ count: 286_292, length: 5 }, { count: ['value_is_out_of_range'] }],
      ];
      for (const [fields, details] of cases) {
        const response = await createBatch({ coupon_code: couponCode, ...fields });
        expect({ fields, status: response.status, body: response.body }).toEqual({ fields, status: 422, body: validationBody(details) });
      }
      expectStatus(await createBatch({ coupon_code: couponCode, count: MOST_CODES_OF_LENGTH_4, length: 4, prefix: 'EDGE' }), 200);
    });

    it('prefix, length, max_redemptions, expires_at, restrictions and metadata', async () => {
      const cases: [Record<string, unknown>, Record<string, string[]>][] = [
        [{ prefix: 'X'.repeat(21) }, { prefix: ['value_is_out_of_range'] }],
        [{ prefix: 'with space' }, { prefix: ['value_is_invalid'] }],
        [{ prefix: 'ünïcode' }, { prefix: ['value_is_invalid'] }],
        [{ prefix: 12 }, { prefix: ['value_is_invalid'] }],
        [{ length: 3 }, { length: ['value_is_out_of_range'] }],
        [{ length: 33 }, { length: ['value_is_out_of_range'] }],
        [{ length: '8' }, { length: ['value_is_invalid'] }],
        [{ max_redemptions: 0 }, { max_redemptions: ['value_is_out_of_range'] }],
        [{ max_redemptions: 101 }, { max_redemptions: ['value_is_out_of_range'] }],
        [{ expires_at: '2020-01-01T00:00:00Z' }, { expires_at: ['invalid_date'] }],
        [{ expires_at: 'soon' }, { expires_at: ['invalid_date'] }],
        [{ expires_at: isoIn(60) }, { expires_at: ['value_is_out_of_range'] }],
        [{ restrictions: 'none' }, { restrictions: ['value_is_invalid'] }],
        [{ restrictions: { minimum_amount_cents: 1000 } }, { minimum_amount_currency: ['value_is_mandatory'] }],
        [{ restrictions: { minimum_amount_cents: 100, minimum_amount_currency: 'XXX' } }, { minimum_amount_currency: ['value_is_invalid'] }],
        [{ metadata: 'text' }, { metadata: ['value_is_invalid'] }],
        [{ prefix: 'a b', length: 2, count: 0 }, { count: ['value_is_out_of_range'], length: ['value_is_out_of_range'], prefix: ['value_is_invalid'] }],
      ];
      for (const [fields, details] of cases) {
        const response = await createBatch({ coupon_code: couponCode, count: 10, ...fields });
        expect({ fields, status: response.status, body: response.body }).toEqual({ fields, status: 422, body: validationBody(details) });
      }
    });

    it('the coupon: mandatory, known (404) and not terminated; a restriction customer must exist (404)', async () => {
      const missing = await createBatch({ count: 10 });
      expect(missing.body).toEqual(validationBody({ coupon_code: ['value_is_mandatory'] }));
      const unknown = await createBatch({ coupon_code: 'NO-SUCH-COUPON', count: 10 });
      expect({ status: unknown.status, body: unknown.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });

      const terminated = (await createCoupon(t.api)).code;
      expectStatus(await t.api.post(`/api/v1/coupons/${terminated}/terminate`), 200);
      const refused = await createBatch({ coupon_code: terminated, count: 10 });
      expect({ status: refused.status, body: refused.body }).toEqual({ status: 422, body: validationBody({ coupon_code: ['coupon_is_terminated'] }) });

      const deleted = (await createCoupon(t.api)).code;
      expectStatus(await t.api.delete(`/api/v1/coupons/${deleted}`), 200);
      expect((await createBatch({ coupon_code: deleted, count: 10 })).body).toEqual(notFoundBody('coupon_not_found'));

      const stranger = await createBatch({ coupon_code: couponCode, count: 10, restrictions: { customer_external_id: 'nobody-here' } });
      expect({ status: stranger.status, body: stranger.body }).toEqual({ status: 404, body: notFoundBody('customer_not_found') });
      const customer = (await createCustomer(t.api)).external_id;
      const restricted = expectStatus(await createBatch({ coupon_code: couponCode, count: 2, restrictions: { customer_external_id: customer, first_time_transaction: true } }), 200);
      await settled(restricted.body.promotion_code_batch.lago_id);
      const rows = await query('SELECT p.customer_external_id, p.first_time_transaction FROM promotion_codes p JOIN promotion_code_batches b ON b.id = p.batch_id WHERE b.lago_id = ?', [restricted.body.promotion_code_batch.lago_id]);
      expect(rows.map((row) => [row.customer_external_id, Number(row.first_time_transaction)])).toEqual([[customer, 1], [customer, 1]]);
    });

    it('the root key: 400 when missing, not an object, or the JSON is malformed', async () => {
      for (const body of [{}, { promotion_code_batch: 'x' }, { promotion_code_batch: {} }, '{"promotion_code_batch":']) {
        const response = await t.api.post('/api/v1/promotion_code_batches', body);
        expect({ body, status: response.status, response: response.body }).toEqual({ body, status: 400, response: badRequestBody('promotion_code_batch') });
      }
    });
  });
});
