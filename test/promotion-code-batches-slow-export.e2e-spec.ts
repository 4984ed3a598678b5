import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, TestApp } from './support/test-app';
import { createCoupon, expectStatus } from './support/factories';

/**
 * The request deadline (REQUEST_TIMEOUT_MS) answers 503 to a request still waiting on the database; a
 * response already streaming (a large CSV export to a slow client) must run to its end instead.
 */
describe('promotion code batch export to a slow client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ requestTimeoutMs: 300 });
  });
  afterAll(() => t?.close());

  it('streams every code even when the export outlasts the request deadline', async () => {
    const couponCode = (await createCoupon(t.api)).code;
    const count = 200_000;
    const created = expectStatus(await t.api.post('/api/v1/promotion_code_batches', { promotion_code_batch: { coupon_code: couponCode, count } }), 200).body;
    const lagoId = created.promotion_code_batch.lago_id;
    for (let status = 'pending'; status !== 'completed'; await sleep(100)) {
      status = expectStatus(await t.api.get(`/api/v1/promotion_code_batches/${lagoId}`), 200).body.promotion_code_batch.status;
      expect(status).not.toBe('failed');
    }

    const response = await fetch(`${t.baseUrl}/api/v1/promotion_code_batches/${lagoId}/codes.csv`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let chunk = await reader.read(), first = true; !chunk.done; chunk = await reader.read(), first = false) {
      text += decoder.decode(chunk.value, { stream: true });
      // A client that stops reading for longer than the deadline, with most of the export still to come.
      if (first) await sleep(1000);
    }
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(count + 1);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(count);
  }, 60_000);
});
