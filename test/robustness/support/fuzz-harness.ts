import fc from 'fast-check';
import { createConnection } from 'mysql2/promise';
import { applyCoupon, commitInvoice, invoiceBody } from '../../support/apply-factories';
import { createCoupon, createCustomer, createMetric, createPlan, uniqueCode } from '../../support/factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { contractViolation, POLLUTION_MARK } from './fuzz-arbitraries';

/** Fixed by default so a failure reproduces; FUZZ_SEED=<n> explores further. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Property runs per endpoint; each run sends a batch of 2–8 requests at once. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

export interface FuzzRequest {
  method: string;
  path: string;
  body?: string;
  /** JSON unless said (Stripe's dialect is form-encoded). */
  contentType?: string;
}

export const post = (path: string, body: fc.Arbitrary<string>) => body.map((text): FuzzRequest => ({ method: 'POST', path, body: text }));
export const withPath = (method: string, path: fc.Arbitrary<string>, body: fc.Arbitrary<string | undefined>) =>
  fc.tuple(path, body).map(([p, text]): FuzzRequest => ({ method, path: p, body: text }));
export const maybeBody = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
/** The id segment of `/<prefix>/<version>/<resource>/<id>…`, decoded. */
export const codeOf = (request: FuzzRequest) => decodeURIComponent(request.path.split('/')[4]);

/**
 * One fuzzing suite's app, its fixtures and its ledger: what the accepted requests say the database must hold.
 * Suites send random and adversarial requests through `fuzz`/`fuzzWith` (no 5xx, every error in its shape), note
 * what was accepted, and end with `expectRowsOfAcceptedRequests`: the database holds exactly those rows.
 */
export class FuzzHarness {
  t!: TestApp;
  private requests = 0;
  private properties = 0;
  /** Deterministic choices for the valid bodies (Math.random would defeat the seed). */
  private turn = 0;
  private readonly prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  readonly liveCoupons = new Set<string>();
  readonly allCoupons: string[] = [];
  readonly plans = new Set<string>();
  readonly metrics = new Set<string>();
  readonly customers = new Set<string>();
  readonly applied = new Set<string>();
  readonly invoices = new Set<string>();
  readonly batches = new Set<string>();
  /** Promotion codes made by accepted creates (single codes; a batch's are not counted here). */
  readonly promotionCodes = new Set<string>();

  /** Coupons the suites may rename, delete (victims) or apply; customers and codes to apply them with. */
  editable: string[] = [];
  victims: string[] = [];
  applicable: string[] = [];
  readonly fixtureCustomers: string[] = [];
  readonly redeemable: string[] = [];

  async start(suite: string): Promise<void> {
    console.log(`${suite}: seed ${SEED}, ${RUNS} runs per endpoint (FUZZ_SEED / FUZZ_RUNS to change)`);
    this.t = await startTestApp();
    const { api } = this.t;
    const metric = await createMetric(api);
    this.metrics.add(metric.code);
    this.plans.add((await createPlan(api, {}, [metric.code])).code);
    for (let i = 0; i < 4; i++) this.fixtureCustomers.push((await createCustomer(api)).external_id);
    this.fixtureCustomers.forEach((c) => this.customers.add(c));
    const make = async () => (await createCoupon(api, { amount_cents: 100 })).code as string;
    this.editable = await Promise.all(Array.from({ length: 8 }, make));
    this.victims = await Promise.all(Array.from({ length: 8 }, make));
    this.applicable = await Promise.all(Array.from({ length: 4 }, make));
    this.addCoupons([...this.editable, ...this.victims, ...this.applicable]);
    for (const couponCode of this.applicable) {
      const body = { promotion_code: { coupon_code: couponCode, code: uniqueCode('PZ') } };
      const { promotion_code: created } = (await api.post('/api/v1/promotion_codes', body)).body;
      this.promotionCodes.add(created.code);
      this.redeemable.push(created.code);
    }
    this.applied.add((await applyCoupon(api, this.fixtureCustomers[0], this.applicable[0])).lago_id);
    const invoice = await commitInvoice(api, invoiceBody(this.fixtureCustomers[0], [{ id: 'f1', amount_cents: 5000 }]));
    this.invoices.add(invoice.external_invoice_id);
  }

  close(): Promise<void> {
    return this.t?.close();
  }

  /** The next of `list`, in turn. */
  pick<T>(list: T[]): T {
    return list[this.turn++ % list.length];
  }

  /** A counter for valid bodies that alternate between shapes. */
  next(): number {
    return this.turn++;
  }

  addCoupons(codes: Iterable<string>): void {
    for (const code of codes) {
      this.liveCoupons.add(code);
      this.allCoupons.push(code);
    }
  }

  /** Sends batches of requests at once; any response outside the API's error rules fails the property (and is shrunk). */
  fuzz(request: fc.Arbitrary<FuzzRequest>, rootKey: string, successKey: string, accepted?: (body: any, request: FuzzRequest) => void): Promise<void> {
    return this.fuzzWith(request, (status, body) => contractViolation(status, body, rootKey, successKey), accepted);
  }

  /** `fuzz` for any error shape: `rules` says why a response breaks it, or null; every 2xx counts as accepted. */
  async fuzzWith(
    request: fc.Arbitrary<FuzzRequest>,
    rules: (status: number, body: unknown) => string | null,
    accepted: (body: any, request: FuzzRequest) => void = () => undefined,
  ): Promise<void> {
    const details = await fc.check(
      fc.asyncProperty(fc.array(request, { minLength: 2, maxLength: 8 }), async (batch) => {
        const responses = await Promise.all(batch.map((one) => this.send(one)));
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
      { seed: SEED + this.properties++, numRuns: RUNS, endOnFailure: false },
    );
    // fast-check's own report prints whole counterexamples (megabytes here): report the shrunk cause instead.
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`property failed (seed ${details.seed}, path "${details.counterexamplePath}", ${details.numShrinks} shrinks): ${cause}`);
    }
  }

  /** Coupons by `lago_id` (the dialects that expose only it): their codes, read from the database. */
  async codesByLagoId(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const connection = await createConnection(this.t.databaseUrl);
    try {
      const [rows] = await connection.query('SELECT lago_id, code FROM coupons WHERE lago_id IN (?)', [ids]);
      return new Map((rows as { lago_id: string; code: string }[]).map((row) => [row.lago_id, row.code]));
    } finally {
      await connection.end();
    }
  }

  /** The database holds exactly the rows of the accepted requests, its counters agree with them, and no prototype was polluted. */
  async expectRowsOfAcceptedRequests(suite: string): Promise<void> {
    console.log(`${suite}: ${this.requests} requests sent`);
    expect(this.requests).toBeGreaterThan(1000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(this.prototypeKeys);
    expect(({} as Record<string, unknown>)[POLLUTION_MARK]).toBeUndefined();

    const connection = await createConnection(this.t.databaseUrl);
    const column = async (sql: string) => ((await connection.query(sql))[0] as Record<string, string>[]).map((row) => Object.values(row)[0]).sort();
    const count = async (sql: string) => Number(Object.values(((await connection.query(sql))[0] as Record<string, unknown>[])[0])[0]);
    const sorted = (set: Iterable<string>) => [...set].sort();
    try {
      expect(await column('SELECT code FROM coupons')).toEqual(sorted(this.allCoupons));
      expect(await column('SELECT code FROM coupons WHERE deleted_at IS NULL')).toEqual(sorted(this.liveCoupons));
      expect(await column('SELECT code FROM plans')).toEqual(sorted(this.plans));
      expect(await column('SELECT code FROM billable_metrics')).toEqual(sorted(this.metrics));
      expect(await column('SELECT external_id FROM customers')).toEqual(sorted(this.customers));
      expect(await column('SELECT lago_id FROM applied_coupons')).toEqual(sorted(this.applied));
      expect(await column('SELECT external_invoice_id FROM invoice_discounts')).toEqual(sorted(this.invoices));
      expect(await column('SELECT code FROM promotion_codes WHERE batch_id IS NULL')).toEqual(sorted(this.promotionCodes));
      expect(await column('SELECT lago_id FROM promotion_code_batches')).toEqual(sorted(this.batches));
      // Counters agree with the rows they count; a batch's codes are its own and never more than its progress says.
      expect({
        codeRedemptions: await count('SELECT COUNT(*) FROM promotion_codes p WHERE p.redemptions_count <> (SELECT COUNT(*) FROM applied_coupons a WHERE a.promotion_code_id = p.id)'),
        couponRedemptions: await count('SELECT COUNT(*) FROM coupons c WHERE c.redemptions_count <> (SELECT COUNT(*) FROM applied_coupons a WHERE a.coupon_id = c.id)'),
        strayBatchCodes: await count('SELECT COUNT(*) FROM promotion_codes WHERE batch_id IS NOT NULL AND batch_id NOT IN (SELECT id FROM promotion_code_batches)'),
        batchProgress: await count(
          'SELECT COUNT(*) FROM promotion_code_batches b WHERE b.generated_count > b.count OR b.generated_count <> (SELECT COUNT(*) FROM promotion_codes p WHERE p.batch_id = b.id)',
        ),
      }).toEqual({ codeRedemptions: 0, couponRedemptions: 0, strayBatchCodes: 0, batchProgress: 0 });
    } finally {
      await connection.end();
    }
    // The API agrees with the database.
    expect((await this.t.api.get('/api/v1/coupons?per_page=1')).body.meta.total_count).toBe(this.liveCoupons.size);
  }

  private async send({ method, path, body, contentType }: FuzzRequest): Promise<{ status: number; body: any }> {
    this.requests += 1;
    // Flexprice's dialect reads the key from `x-api-key`; the others ignore that header.
    const headers: Record<string, string> = { authorization: `Bearer ${this.t.apiKey}`, 'x-api-key': this.t.apiKey };
    if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
    const response = await fetch(`${this.t.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the shape check reports it
    }
    return { status: response.status, body: parsed };
  }
}
