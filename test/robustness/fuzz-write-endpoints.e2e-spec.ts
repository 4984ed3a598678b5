import fc from 'fast-check';
import { createConnection } from 'mysql2/promise';
import { startTestApp, TestApp } from '../support/test-app';
import { couponParams, createCoupon, createCustomer, createMetric, createPlan, percentageCouponParams, uniqueCode } from '../support/factories';
import { applyCoupon, commitInvoice, invoiceBody } from '../support/apply-factories';
import { bodyFor, contractViolation, flexpriceViolation, formBodyFor, hyperlineViolation, POLLUTION_MARK, segmentFor, stripeViolation } from './support/fuzz-arbitraries';

/** Fixed by default so a failure reproduces; FUZZ_SEED=<n> explores further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Property runs per endpoint; each run sends a batch of 2–8 requests at once. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const COUPON_FIELDS = [
  'name', 'code', 'description', 'coupon_type', 'amount_cents', 'amount_currency', 'percentage_rate', 'frequency', 'frequency_duration',
  'reusable', 'applies_to', 'expiration', 'expiration_at', 'max_redemptions', 'starts_at', 'metadata', 'currency_options',
];
const APPLY_FIELDS = ['external_customer_id', 'coupon_code', 'frequency', 'frequency_duration', 'amount_cents', 'amount_currency', 'percentage_rate'];
const INVOICE_FIELDS = ['external_invoice_id', 'external_customer_id', 'currency', 'fees'];
const PROMOTION_CODE_FIELDS = ['coupon_code', 'code', 'active', 'max_redemptions', 'expires_at', 'restrictions', 'metadata'];
const VALIDATION_FIELDS = ['code', 'external_customer_id', 'invoice'];
const BATCH_FIELDS = ['coupon_code', 'count', 'prefix', 'length', 'max_redemptions', 'expires_at', 'restrictions', 'metadata'];
const HYPERLINE_FIELDS = ['name', 'description', 'expiration_date', 'redemption_limit', 'type', 'discount_amount', 'currency', 'discount_percent'];

interface Request {
  method: string;
  path: string;
  body?: string;
  /** JSON unless said (Stripe's dialect is form-encoded). */
  contentType?: string;
}

/**
 * Property-based fuzzing of every write endpoint over HTTP:
 * random and adversarial bodies and path segments never produce a 5xx, every error is exactly in the
 * API's error shape, and afterwards the database holds exactly the rows of the accepted requests.
 */
describe(`fuzzing every write endpoint (seed ${SEED}, FUZZ_SEED to change)`, () => {
  let t: TestApp;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  let requests = 0;
  let properties = 0;
  /** Deterministic choices for the valid bodies (Math.random would defeat the seed). */
  let turn = 0;
  const pick = <T>(list: T[]): T => list[turn++ % list.length];
  // What the accepted requests say the database must now hold.
  const liveCoupons = new Set<string>();
  const allCoupons: string[] = [];
  const plans = new Set<string>();
  const metrics = new Set<string>();
  const customers = new Set<string>();
  const applied = new Set<string>();
  const invoices = new Set<string>();
  const batches = new Set<string>();
  let editable: string[] = [];
  let victims: string[] = [];
  let applicable: string[] = [];
  const fixtureCustomers: string[] = [];
  /** Promotion codes made by accepted creates (single codes; a batch's are not counted here). */
  const promotionCodes = new Set<string>();
  const redeemable: string[] = [];

  beforeAll(async () => {
    console.log(`fuzz-write-endpoints: seed ${SEED}, ${RUNS} runs per endpoint (FUZZ_SEED / FUZZ_RUNS to change)`);
    t = await startTestApp();
    const metric = await createMetric(t.api);
    metrics.add(metric.code);
    plans.add((await createPlan(t.api, {}, [metric.code])).code);
    for (let i = 0; i < 4; i++) fixtureCustomers.push((await createCustomer(t.api)).external_id);
    fixtureCustomers.forEach((c) => customers.add(c));
    const make = async () => (await createCoupon(t.api, { amount_cents: 100 })).code as string;
    editable = await Promise.all(Array.from({ length: 8 }, make));
    victims = await Promise.all(Array.from({ length: 8 }, make));
    applicable = await Promise.all(Array.from({ length: 4 }, make));
    [...editable, ...victims, ...applicable].forEach((code) => (liveCoupons.add(code), allCoupons.push(code)));
    for (const couponCode of applicable) {
      const body = { promotion_code: { coupon_code: couponCode, code: uniqueCode('PZ') } };
      const { promotion_code: created } = (await t.api.post('/api/v1/promotion_codes', body)).body;
      promotionCodes.add(created.code);
      redeemable.push(created.code);
    }
    applied.add((await applyCoupon(t.api, fixtureCustomers[0], applicable[0])).lago_id);
    const invoice = await commitInvoice(t.api, invoiceBody(fixtureCustomers[0], [{ id: 'f1', amount_cents: 5000 }]));
    invoices.add(invoice.external_invoice_id);
  }, 120_000);

  afterAll(() => t?.close());

  async function send({ method, path, body, contentType }: Request): Promise<{ status: number; body: any }> {
    requests += 1;
    // Flexprice's dialect reads the key from `x-api-key`; the others ignore that header.
    const headers: Record<string, string> = { authorization: `Bearer ${t.apiKey}`, 'x-api-key': t.apiKey };
    if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
    const response = await fetch(`${t.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the shape check reports it
    }
    return { status: response.status, body: parsed };
  }

  /** Sends batches of requests at once; any response outside the error rules fails the property (and is shrunk). */
  async function fuzz(
    request: fc.Arbitrary<Request>,
    rootKey: string,
    successKey: string,
    accepted: (body: any, request: Request) => void = () => undefined,
  ): Promise<void> {
    await fuzzWith(request, (status, body) => contractViolation(status, body, rootKey, successKey), accepted);
  }

  /** `fuzz` for any error shape: `rules` says why a response breaks it, or null; every 2xx counts as accepted. */
  async function fuzzWith(
    request: fc.Arbitrary<Request>,
    rules: (status: number, body: unknown) => string | null,
    accepted: (body: any, request: Request) => void = () => undefined,
  ): Promise<void> {
    const details = await fc.check(
      fc.asyncProperty(fc.array(request, { minLength: 2, maxLength: 8 }), async (batch) => {
        const responses = await Promise.all(batch.map(send));
        responses.forEach((response, i) => {
          const violation = rules(response.status, response.body);
          if (violation) {
            const { method, path, body } = batch[i];
            const shown = (text: string | undefined) => (text && text.length > 400 ? `${text.slice(0, 400)}…(${text.length} chars)` : text);
            throw new Error(`${violation}: ${method} ${shown(path)} ${shown(body)} → ${response.status} ${shown(JSON.stringify(response.body))}`);
          }
          if (response.status >= 200 && response.status < 300) accepted(response.body, batch[i]);
        });
      }),
      { seed: SEED + properties++, numRuns: RUNS, endOnFailure: false },
    );
    // fast-check's own report prints whole counterexamples (megabytes here): report the shrunk cause instead.
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`property failed (seed ${details.seed}, path "${details.counterexamplePath}", ${details.numShrinks} shrinks): ${cause}`);
    }
  }

  const post = (path: string, body: fc.Arbitrary<string>) => body.map((text): Request => ({ method: 'POST', path, body: text }));
  const withPath = (method: string, path: fc.Arbitrary<string>, body: fc.Arbitrary<string | undefined>) =>
    fc.tuple(path, body).map(([p, text]): Request => ({ method, path: p, body: text }));
  const maybeBody = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  const codeOf = (request: Request) => decodeURIComponent(request.path.split('/')[4]);

  it('POST /coupons', async () => {
    const valid = () => (turn++ % 2 ? couponParams({ code: uniqueCode('FZ') }) : percentageCouponParams({ code: uniqueCode('FZ') }));
    await fuzz(post('/api/v1/coupons', bodyFor('coupon', COUPON_FIELDS, valid)), 'coupon', 'coupon', ({ coupon }) => {
      liveCoupons.add(coupon.code);
      allCoupons.push(coupon.code);
    });
  });

  it.each(['PUT', 'PATCH'])('%s /coupons/:code', async (method) => {
    const valid = () => ({ name: `Renamed ${uniqueCode()}`, description: 'fuzzed', expiration: 'no_expiration', amount_cents: 100 });
    const path = segmentFor(() => editable).map((code) => `/api/v1/coupons/${code}`);
    await fuzz(withPath(method, path, bodyFor('coupon', COUPON_FIELDS, valid)), 'coupon', 'coupon', ({ coupon }, request) => {
      const before = codeOf(request);
      if (coupon.code !== before) {
        liveCoupons.delete(before);
        liveCoupons.add(coupon.code);
        allCoupons[allCoupons.indexOf(before)] = coupon.code;
        editable = editable.map((code) => (code === before ? coupon.code : code));
      }
    });
  });

  it('POST /coupons/:code/terminate', async () => {
    const path = segmentFor(() => victims).map((code) => `/api/v1/coupons/${code}/terminate`);
    await fuzz(withPath('POST', path, maybeBody(bodyFor('coupon', COUPON_FIELDS, () => ({})))), 'coupon', 'coupon');
  });

  it('DELETE /coupons/:code', async () => {
    const path = segmentFor(() => victims).map((code) => `/api/v1/coupons/${code}`);
    await fuzz(withPath('DELETE', path, maybeBody(bodyFor('coupon', COUPON_FIELDS, () => ({})))), 'coupon', 'coupon', ({ coupon }) => {
      liveCoupons.delete(coupon.code);
    });
  });

  it('POST /plans', async () => {
    const [metric] = metrics;
    const valid = () => ({ name: 'P', code: uniqueCode('plan'), interval: 'monthly', amount_cents: 100, amount_currency: 'EUR', charges: [{ billable_metric_code: metric }] });
    const fields = ['name', 'code', 'interval', 'amount_cents', 'amount_currency', 'charges', 'description'];
    await fuzz(post('/api/v1/plans', bodyFor('plan', fields, valid)), 'plan', 'plan', ({ plan }) => plans.add(plan.code));
  });

  it('POST /billable_metrics', async () => {
    const valid = () => ({ name: 'M', code: uniqueCode('metric'), aggregation_type: 'count_agg' });
    const fields = ['name', 'code', 'aggregation_type', 'field_name', 'description'];
    await fuzz(post('/api/v1/billable_metrics', bodyFor('billable_metric', fields, valid)), 'billable_metric', 'billable_metric', ({ billable_metric: m }) => metrics.add(m.code));
  });

  it('POST /customers (upsert by external_id)', async () => {
    const valid = () => ({ external_id: turn++ % 5 === 0 ? fixtureCustomers[1] : uniqueCode('cust'), name: 'C', currency: 'EUR' });
    await fuzz(post('/api/v1/customers', bodyFor('customer', ['external_id', 'name', 'currency', 'email'], valid)), 'customer', 'customer', ({ customer }) =>
      customers.add(customer.external_id),
    );
  });

  it('POST /applied_coupons', async () => {
    const valid = () => ({ external_customer_id: pick(fixtureCustomers), coupon_code: pick(applicable) });
    await fuzz(post('/api/v1/applied_coupons', bodyFor('applied_coupon', APPLY_FIELDS, valid)), 'applied_coupon', 'applied_coupon', ({ applied_coupon: a }) =>
      applied.add(a.lago_id),
    );
  });

  it('DELETE /customers/:external_customer_id/applied_coupons/:lago_id', async () => {
    const path = fc
      .tuple(segmentFor(() => fixtureCustomers), segmentFor(() => [...applied]))
      .map(([customer, id]) => `/api/v1/customers/${customer}/applied_coupons/${id}`);
    // This DELETE takes no body; a body Fastify refuses (a `__proto__` key) gets the 400 of its /customers prefix.
    await fuzz(withPath('DELETE', path, maybeBody(bodyFor('applied_coupon', APPLY_FIELDS, () => ({})))), 'customer', 'applied_coupon');
  });

  it('POST /applied_coupons by promotion code', async () => {
    const valid = () => ({ external_customer_id: pick(fixtureCustomers), promotion_code: pick(redeemable) });
    await fuzz(post('/api/v1/applied_coupons', bodyFor('applied_coupon', [...APPLY_FIELDS, 'promotion_code'], valid)), 'applied_coupon', 'applied_coupon', ({ applied_coupon: a }) =>
      applied.add(a.lago_id),
    );
  });

  it('POST /promotion_codes', async () => {
    const valid = () => ({ coupon_code: pick(applicable), code: uniqueCode('PZ'), max_redemptions: 5, restrictions: { first_time_transaction: false }, metadata: { k: 'v' } });
    await fuzz(post('/api/v1/promotion_codes', bodyFor('promotion_code', PROMOTION_CODE_FIELDS, valid)), 'promotion_code', 'promotion_code', ({ promotion_code: p }) =>
      promotionCodes.add(p.code),
    );
  });

  it('PUT /promotion_codes/:code', async () => {
    const valid = () => ({ active: turn++ % 4 !== 0, metadata: { k: 'v' }, expires_at: null });
    const path = segmentFor(() => redeemable).map((code) => `/api/v1/promotion_codes/${code}`);
    await fuzz(withPath('PUT', path, bodyFor('promotion_code', PROMOTION_CODE_FIELDS, valid)), 'promotion_code', 'promotion_code');
  });

  it('POST /promotion_codes/validate', async () => {
    const valid = () => ({
      code: pick(redeemable).toLowerCase(), external_customer_id: pick(fixtureCustomers),
      invoice: { currency: 'EUR', fees: [{ id: 'f1', amount_cents: 1000 }] },
    });
    await fuzz(post('/api/v1/promotion_codes/validate', bodyFor('validation', VALIDATION_FIELDS, valid)), 'validation', 'validation');
  });

  it('POST /invoice_discounts/preview', async () => {
    const valid = () => invoiceBody(pick(fixtureCustomers), [{ id: 'f1', amount_cents: 1000 }, { id: 'f2', amount_cents: 250 }]).invoice;
    await fuzz(post('/api/v1/invoice_discounts/preview', bodyFor('invoice', INVOICE_FIELDS, valid)), 'invoice', 'invoice_discount');
  });

  it('POST /invoice_discounts', async () => {
    const valid = () => invoiceBody(pick(fixtureCustomers), [{ id: 'f1', amount_cents: 1000 }]).invoice;
    await fuzz(post('/api/v1/invoice_discounts', bodyFor('invoice', INVOICE_FIELDS, valid)), 'invoice', 'invoice_discount', ({ invoice_discount: d }) =>
      invoices.add(d.external_invoice_id),
    );
  });

  it('POST /invoice_discounts/:external_invoice_id/void', async () => {
    const path = segmentFor(() => [...invoices]).map((id) => `/api/v1/invoice_discounts/${id}/void`);
    await fuzz(withPath('POST', path, maybeBody(bodyFor('invoice', INVOICE_FIELDS, () => ({})))), 'invoice', 'invoice_discount');
  });

  it('POST /promotion_code_batches', async () => {
    // Small batches of live coupons: they generate in the background while the fuzzing goes on.
    const valid = () => ({ coupon_code: pick(applicable), count: 1 + (turn++ % 5), prefix: 'FZ-', length: 8 });
    await fuzz(post('/api/v1/promotion_code_batches', bodyFor('promotion_code_batch', BATCH_FIELDS, valid)), 'promotion_code_batch', 'promotion_code_batch', ({ promotion_code_batch: b }) =>
      batches.add(b.lago_id),
    );
  });

  /** Hyperline's coupons by id: the codes the final check counts are read from the database. */
  async function codesByLagoId(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const connection = await createConnection(t.databaseUrl);
    try {
      const [rows] = await connection.query('SELECT lago_id, code FROM coupons WHERE lago_id IN (?)', [ids]);
      return new Map((rows as { lago_id: string; code: string }[]).map((row) => [row.lago_id, row.code]));
    } finally {
      await connection.end();
    }
  }
  const hyperlineCoupon = () =>
    turn++ % 2
      ? { name: 'H', description: null, expiration_date: null, redemption_limit: 3, type: 'amount', discount_amount: 500, currency: 'EUR' }
      : { name: 'H%', type: 'percent', discount_percent: 12.5 };

  it('POST /hyperline/v1/coupons', async () => {
    const created: string[] = [];
    await fuzzWith(post('/hyperline/v1/coupons', bodyFor(null, HYPERLINE_FIELDS, hyperlineCoupon)), hyperlineViolation, ({ id }) => created.push(id));
    for (const code of (await codesByLagoId(created)).values()) {
      liveCoupons.add(code);
      allCoupons.push(code);
    }
  });

  it('DELETE /hyperline/v1/coupons/:id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await t.api.post('/hyperline/v1/coupons', hyperlineCoupon())).body.id);
    const codes = await codesByLagoId(ids);
    codes.forEach((code) => (liveCoupons.add(code), allCoupons.push(code)));
    const path = segmentFor(() => ids).map((id) => `/hyperline/v1/coupons/${id}`);
    await fuzzWith(withPath('DELETE', path, maybeBody(bodyFor(null, HYPERLINE_FIELDS, () => ({})))), hyperlineViolation, (_body, request) => {
      liveCoupons.delete(codes.get(codeOf(request))!);
    });
  });

  const STRIPE_COUPON_FIELDS = [
    'id', 'name', 'percent_off', 'amount_off', 'currency', 'currency_options', 'duration', 'duration_in_months', 'max_redemptions', 'redeem_by',
    'applies_to', 'metadata', 'expand',
  ];
  const STRIPE_PROMOTION_CODE_FIELDS = ['promotion', 'coupon', 'code', 'active', 'customer', 'expires_at', 'max_redemptions', 'metadata', 'restrictions', 'expand'];
  const asForm = (request: Request): Request => ({ ...request, contentType: 'application/x-www-form-urlencoded' });
  const stripeCoupon = () =>
    turn++ % 2
      ? { id: uniqueCode('SZ'), percent_off: '12.5', duration: 'repeating', duration_in_months: '3', metadata: { k: 'v' } }
      : { id: uniqueCode('SZ'), amount_off: '500', currency: 'eur', currency_options: { usd: { amount_off: '550' } }, max_redemptions: '10' };

  it('Stripe: POST /v1/coupons (form-encoded)', async () => {
    await fuzzWith(post('/v1/coupons', formBodyFor(STRIPE_COUPON_FIELDS, stripeCoupon)).map(asForm), stripeViolation, ({ id }) => {
      liveCoupons.add(id);
      allCoupons.push(id);
    });
  });

  it('Stripe: POST /v1/coupons/:id and DELETE /v1/coupons/:id', async () => {
    const valid = () => ({ name: `S ${turn++}`, metadata: { k: turn % 3 ? 'v' : '' } });
    const update = segmentFor(() => editable).map((code) => `/v1/coupons/${code}`);
    await fuzzWith(withPath('POST', update, formBodyFor(['name', 'metadata', 'currency_options', 'expand'], valid)).map(asForm), stripeViolation);
    const doomed: string[] = [];
    for (let i = 0; i < 8; i++) doomed.push((await createCoupon(t.api, { amount_cents: 100 })).code as string);
    doomed.forEach((code) => (liveCoupons.add(code), allCoupons.push(code)));
    const remove = segmentFor(() => doomed).map((code) => `/v1/coupons/${code}`);
    await fuzzWith(withPath('DELETE', remove, maybeBody(formBodyFor(['expand'], () => ({})))).map(asForm), stripeViolation, ({ id }) => liveCoupons.delete(id));
  });

  it('Stripe: POST /v1/promotion_codes and POST /v1/promotion_codes/:id', async () => {
    const valid = () => ({ promotion: { type: 'coupon', coupon: pick(applicable) }, code: uniqueCode('SP'), max_redemptions: '3', restrictions: { first_time_transaction: 'false' } });
    await fuzzWith(post('/v1/promotion_codes', formBodyFor(STRIPE_PROMOTION_CODE_FIELDS, valid)).map(asForm), stripeViolation, ({ code }) => promotionCodes.add(code));
    const update = segmentFor(() => redeemable).map((code) => `/v1/promotion_codes/${code}`);
    await fuzzWith(withPath('POST', update, formBodyFor(['active', 'metadata', 'expand'], () => ({ active: 'true', metadata: { k: 'v' } }))).map(asForm), stripeViolation);
  });

  const FLEXPRICE_FIELDS = [
    'name', 'coupon_code', 'type', 'amount_off', 'currency', 'percentage_off', 'cadence', 'duration_in_periods', 'redeem_after', 'redeem_before',
    'max_redemptions', 'metadata', 'rules',
  ];
  const FLEXPRICE_SEARCH_FIELDS = ['limit', 'offset', 'status', 'coupon_ids', 'filters', 'sort', 'order', 'expand'];
  const flexpriceCoupon = () =>
    turn++ % 2
      ? { name: 'F', type: 'fixed', amount_off: '10.50', currency: 'usd', cadence: 'repeated', duration_in_periods: 3, rules: { segment: 'smb' } }
      : { name: 'F%', type: 'percentage', percentage_off: '12.5', cadence: 'forever', redeem_before: '2099-01-01T00:00:00Z', metadata: { k: 'v' } };

  it('Flexprice: POST /flexprice/v1/coupons and POST /flexprice/v1/coupons/search', async () => {
    await fuzzWith(post('/flexprice/v1/coupons', bodyFor(null, FLEXPRICE_FIELDS, flexpriceCoupon)), flexpriceViolation, ({ coupon_code: code }) => {
      liveCoupons.add(code);
      allCoupons.push(code);
    });
    const search = () => ({ limit: 1 + (turn++ % 20), offset: turn % 3, filters: [{ field: 'name', operator: 'contains', value: { string: 'F' } }] });
    await fuzzWith(post('/flexprice/v1/coupons/search', bodyFor(null, FLEXPRICE_SEARCH_FIELDS, search)), flexpriceViolation);
  });

  it('Flexprice: PUT and DELETE /flexprice/v1/coupons/:id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await t.api.withKey(null).request('POST', '/flexprice/v1/coupons', flexpriceCoupon(), { 'x-api-key': t.apiKey })).body.id);
    const codes = await codesByLagoId(ids);
    codes.forEach((code) => (liveCoupons.add(code), allCoupons.push(code)));
    const valid = () => ({ name: `F ${turn++}`, metadata: { k: 'v' } });
    await fuzzWith(withPath('PUT', segmentFor(() => ids).map((id) => `/flexprice/v1/coupons/${id}`), maybeBody(bodyFor(null, ['name', 'metadata'], valid))), flexpriceViolation);
    const remove = segmentFor(() => ids).map((id) => `/flexprice/v1/coupons/${id}`);
    await fuzzWith(withPath('DELETE', remove, maybeBody(bodyFor(null, ['name'], () => ({})))), flexpriceViolation, (_body, request) => {
      liveCoupons.delete(codes.get(codeOf(request))!);
    });
  });

  it('leaves exactly the rows of the accepted requests, and Object.prototype untouched', async () => {
    console.log(`fuzz-write-endpoints: ${requests} requests sent`);
    expect(requests).toBeGreaterThan(1000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)[POLLUTION_MARK]).toBeUndefined();

    const connection = await createConnection(t.databaseUrl);
    const column = async (sql: string) => ((await connection.query(sql))[0] as Record<string, string>[]).map((row) => Object.values(row)[0]).sort();
    const sorted = (set: Iterable<string>) => [...set].sort();
    try {
      expect(await column('SELECT code FROM coupons')).toEqual(sorted(allCoupons));
      expect(await column('SELECT code FROM coupons WHERE deleted_at IS NULL')).toEqual(sorted(liveCoupons));
      expect(await column('SELECT code FROM plans')).toEqual(sorted(plans));
      expect(await column('SELECT code FROM billable_metrics')).toEqual(sorted(metrics));
      expect(await column('SELECT external_id FROM customers')).toEqual(sorted(customers));
      expect(await column('SELECT lago_id FROM applied_coupons')).toEqual(sorted(applied));
      expect(await column('SELECT external_invoice_id FROM invoice_discounts')).toEqual(sorted(invoices));
      expect(await column('SELECT code FROM promotion_codes WHERE batch_id IS NULL')).toEqual(sorted(promotionCodes));
      const [[codeCounts]] = (await connection.query(
        'SELECT (SELECT COUNT(*) FROM promotion_codes p WHERE p.redemptions_count <> (SELECT COUNT(*) FROM applied_coupons a WHERE a.promotion_code_id = p.id)) AS drift',
      )) as any;
      expect(Number(codeCounts.drift)).toBe(0);
      expect(await column('SELECT lago_id FROM promotion_code_batches')).toEqual(sorted(batches));
      // Codes only of accepted batches, and never more than a batch's progress says (it counts them as they commit).
      const [[codes]] = (await connection.query(
        'SELECT (SELECT COUNT(*) FROM promotion_codes WHERE batch_id IS NOT NULL AND batch_id NOT IN (SELECT id FROM promotion_code_batches)) AS stray, ' +
          '(SELECT COUNT(*) FROM promotion_code_batches b WHERE b.generated_count > b.count OR b.generated_count <> (SELECT COUNT(*) FROM promotion_codes p WHERE p.batch_id = b.id)) AS drift',
      )) as any;
      expect({ stray: Number(codes.stray), drift: Number(codes.drift) }).toEqual({ stray: 0, drift: 0 });
      const [[counts]] = (await connection.query(
        'SELECT (SELECT COUNT(*) FROM coupons c WHERE c.redemptions_count <> (SELECT COUNT(*) FROM applied_coupons a WHERE a.coupon_id = c.id)) AS drift',
      )) as any;
      expect(Number(counts.drift)).toBe(0);
    } finally {
      await connection.end();
    }
    // The API agrees with the database.
    expect((await t.api.get('/api/v1/coupons?per_page=1')).body.meta.total_count).toBe(liveCoupons.size);
  });
});
