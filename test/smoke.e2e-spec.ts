import { startTestApp, TestApp } from './support/test-app';

describe('smoke (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates and reads a coupon', async () => {
    const created = await t.api.post('/api/v1/coupons', {
      coupon: { name: 'Ten', code: 'TEN', coupon_type: 'fixed_amount', amount_cents: 1000, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' },
    });
    expect(created.status).toBe(200);
    const read = await t.api.get('/api/v1/coupons/TEN');
    expect(read.body.coupon).toEqual(created.body.coupon);
  });
});
