import { createCoupon, uniqueCode } from '../support/factories';
import { bodyFor, flexpriceViolation, formBodyFor, hyperlineViolation, segmentFor, stripeViolation } from './support/fuzz-arbitraries';
import { codeOf, FuzzHarness, type FuzzRequest, maybeBody, post, SEED, withPath } from './support/fuzz-harness';

const HYPERLINE_FIELDS = ['name', 'description', 'expiration_date', 'redemption_limit', 'type', 'discount_amount', 'currency', 'discount_percent'];

/**
 * Property-based fuzzing of the Stripe, Flexprice and Hyperline dialects' write endpoints over HTTP: no 5xx,
 * every error in the dialect's own shape, and afterwards exactly the rows of the accepted requests.
 */
describe(`fuzzing the dialects' write endpoints (seed ${SEED}, FUZZ_SEED to change)`, () => {
  const h = new FuzzHarness();
  beforeAll(() => h.start('fuzz-dialects'), 120_000);
  afterAll(() => h.close());

  const hyperlineCoupon = () =>
    h.next() % 2
      ? { name: 'H', description: null, expiration_date: null, redemption_limit: 3, type: 'amount', discount_amount: 500, currency: 'EUR' }
      : { name: 'H%', type: 'percent', discount_percent: 12.5 };

  it('POST /hyperline/v1/coupons', async () => {
    const created: string[] = [];
    await h.fuzzWith(post('/hyperline/v1/coupons', bodyFor(null, HYPERLINE_FIELDS, hyperlineCoupon)), hyperlineViolation, ({ id }) => created.push(id));
    h.addCoupons((await h.codesByLagoId(created)).values());
  });

  it('DELETE /hyperline/v1/coupons/:id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await h.t.api.post('/hyperline/v1/coupons', hyperlineCoupon())).body.id);
    const codes = await h.codesByLagoId(ids);
    h.addCoupons(codes.values());
    const path = segmentFor(() => ids).map((id) => `/hyperline/v1/coupons/${id}`);
    await h.fuzzWith(withPath('DELETE', path, maybeBody(bodyFor(null, HYPERLINE_FIELDS, () => ({})))), hyperlineViolation, (_body, request) => {
      h.liveCoupons.delete(codes.get(codeOf(request))!);
    });
  });

  const STRIPE_COUPON_FIELDS = [
    'id', 'name', 'percent_off', 'amount_off', 'currency', 'currency_options', 'duration', 'duration_in_months', 'max_redemptions', 'redeem_by',
    'applies_to', 'metadata', 'expand',
  ];
  const STRIPE_PROMOTION_CODE_FIELDS = ['promotion', 'coupon', 'code', 'active', 'customer', 'expires_at', 'max_redemptions', 'metadata', 'restrictions', 'expand'];
  const asForm = (request: FuzzRequest): FuzzRequest => ({ ...request, contentType: 'application/x-www-form-urlencoded' });
  const stripeCoupon = () =>
    h.next() % 2
      ? { id: uniqueCode('SZ'), percent_off: '12.5', duration: 'repeating', duration_in_months: '3', metadata: { k: 'v' } }
      : { id: uniqueCode('SZ'), amount_off: '500', currency: 'eur', currency_options: { usd: { amount_off: '550' } }, max_redemptions: '10' };

  it('Stripe: POST /v1/coupons (form-encoded)', async () => {
    await h.fuzzWith(post('/v1/coupons', formBodyFor(STRIPE_COUPON_FIELDS, stripeCoupon)).map(asForm), stripeViolation, ({ id }) => h.addCoupons([id]));
  });

  it('Stripe: POST /v1/coupons/:id and DELETE /v1/coupons/:id', async () => {
    const valid = () => {
      const n = h.next();
      return { name: `S ${n}`, metadata: { k: n % 3 ? 'v' : '' } };
    };
    const update = segmentFor(() => h.editable).map((code) => `/v1/coupons/${code}`);
    await h.fuzzWith(withPath('POST', update, formBodyFor(['name', 'metadata', 'currency_options', 'expand'], valid)).map(asForm), stripeViolation);
    const doomed: string[] = [];
    for (let i = 0; i < 8; i++) doomed.push((await createCoupon(h.t.api, { amount_cents: 100 })).code as string);
    h.addCoupons(doomed);
    const remove = segmentFor(() => doomed).map((code) => `/v1/coupons/${code}`);
    await h.fuzzWith(withPath('DELETE', remove, maybeBody(formBodyFor(['expand'], () => ({})))).map(asForm), stripeViolation, ({ id }) => h.liveCoupons.delete(id));
  });

  it('Stripe: POST /v1/promotion_codes and POST /v1/promotion_codes/:id', async () => {
    const valid = () => ({ promotion: { type: 'coupon', coupon: h.pick(h.applicable) }, code: uniqueCode('SP'), max_redemptions: '3', restrictions: { first_time_transaction: 'false' } });
    await h.fuzzWith(post('/v1/promotion_codes', formBodyFor(STRIPE_PROMOTION_CODE_FIELDS, valid)).map(asForm), stripeViolation, ({ code }) => h.promotionCodes.add(code));
    const update = segmentFor(() => h.redeemable).map((code) => `/v1/promotion_codes/${code}`);
    await h.fuzzWith(withPath('POST', update, formBodyFor(['active', 'metadata', 'expand'], () => ({ active: 'true', metadata: { k: 'v' } }))).map(asForm), stripeViolation);
  });

  const FLEXPRICE_FIELDS = [
    'name', 'coupon_code', 'type', 'amount_off', 'currency', 'percentage_off', 'cadence', 'duration_in_periods', 'redeem_after', 'redeem_before',
    'max_redemptions', 'metadata', 'rules',
  ];
  const FLEXPRICE_SEARCH_FIELDS = ['limit', 'offset', 'status', 'coupon_ids', 'filters', 'sort', 'order', 'expand'];
  const flexpriceCoupon = () =>
    h.next() % 2
      ? { name: 'F', type: 'fixed', amount_off: '10.50', currency: 'usd', cadence: 'repeated', duration_in_periods: 3, rules: { segment: 'smb' } }
      : { name: 'F%', type: 'percentage', percentage_off: '12.5', cadence: 'forever', redeem_before: '2099-01-01T00:00:00Z', metadata: { k: 'v' } };

  it('Flexprice: POST /flexprice/v1/coupons and POST /flexprice/v1/coupons/search', async () => {
    await h.fuzzWith(post('/flexprice/v1/coupons', bodyFor(null, FLEXPRICE_FIELDS, flexpriceCoupon)), flexpriceViolation, ({ coupon_code: code }) => h.addCoupons([code]));
    const search = () => {
      const n = h.next();
      return { limit: 1 + (n % 20), offset: n % 3, filters: [{ field: 'name', operator: 'contains', value: { string: 'F' } }] };
    };
    await h.fuzzWith(post('/flexprice/v1/coupons/search', bodyFor(null, FLEXPRICE_SEARCH_FIELDS, search)), flexpriceViolation);
  });

  it('Flexprice: PUT and DELETE /flexprice/v1/coupons/:id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await h.t.api.withKey(null).request('POST', '/flexprice/v1/coupons', flexpriceCoupon(), { 'x-api-key': h.t.apiKey })).body.id);
    const codes = await h.codesByLagoId(ids);
    h.addCoupons(codes.values());
    const valid = () => ({ name: `F ${h.next()}`, metadata: { k: 'v' } });
    await h.fuzzWith(withPath('PUT', segmentFor(() => ids).map((id) => `/flexprice/v1/coupons/${id}`), maybeBody(bodyFor(null, ['name', 'metadata'], valid))), flexpriceViolation);
    const remove = segmentFor(() => ids).map((id) => `/flexprice/v1/coupons/${id}`);
    await h.fuzzWith(withPath('DELETE', remove, maybeBody(bodyFor(null, ['name'], () => ({})))), flexpriceViolation, (_body, request) => {
      h.liveCoupons.delete(codes.get(codeOf(request))!);
    });
  });

  it('leaves exactly the rows of the accepted requests, and Object.prototype untouched', () => h.expectRowsOfAcceptedRequests('fuzz-dialects'));
});
