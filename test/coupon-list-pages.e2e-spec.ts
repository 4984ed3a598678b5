import { DataSource } from 'typeorm';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { CreateBillableMetricService } from '../apps/api/src/catalog/create-billable-metric.service';
import { CreatePlanService } from '../apps/api/src/catalog/create-plan.service';
import { UpsertCustomerService } from '../apps/api/src/catalog/upsert-customer.service';
import { ExpireCouponsService } from '../apps/api/src/coupons/expire-coupons.service';
import { ANCHOR_EVERY } from '../apps/api/src/coupons/coupon-list.repository';
import { CouponsRepository } from '../apps/api/src/coupons/coupons.repository';
import { SeedService } from '../apps/cli/src/commands/seed.service';
import type { ApiClient } from './support/api-client';
import { createCoupon, expectStatus, isoIn } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { TransactionRunner } from '../apps/api/src/database/transactions';
import { EventsRecorder } from '../apps/api/src/events/events.recorder';

const SEEDED = 1234;

/**
 * Deep pages (read from cached anchors), pages near either end (read by offset), and `total_count` (from
 * the trigger-kept counters) against the list as SQL orders it, before and after every kind of write.
 */
describe('coupon list pages and counts over a large organization', () => {
  let t: TestApp;
  let api: ApiClient;
  let organizationId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const { organization, apiKey } = await t.app.get(ApiKeysService).create('Paged organization');
    organizationId = organization.id;
    const seed = new SeedService(
      t.app.get(CouponsRepository), t.app.get(ApiKeysService), t.app.get(CreateBillableMetricService), t.app.get(CreatePlanService), t.app.get(UpsertCustomerService),
        t.app.get(TransactionRunner), t.app.get(EventsRecorder),
    );
    // Seeded coupons share creation instants (one per day), so ties are broken by id across anchors.
    await seed.seedCoupons(organization, SEEDED, () => undefined);
    api = t.api.withKey(apiKey);
  });
  afterAll(() => t.close());

  async function expectedCodes(status: string | null): Promise<string[]> {
    const rows: { code: string }[] = await t.app.get(DataSource).query(
      'SELECT code FROM coupons WHERE organization_id = ? AND deleted_at IS NULL AND (? IS NULL OR status = ?) ' +
        'ORDER BY status, expiration, expiration_at, created_at DESC, id DESC',
      [organizationId, status, status],
    );
    return rows.map((row) => row.code);
  }

  /** Every page, in order, concatenated; each page's meta checked against the expected total. */
  async function walk(perPage: number, status: string | null, expectedTotal: number): Promise<string[]> {
    const codes: string[] = [];
    const pages = Math.ceil(expectedTotal / perPage);
    for (let page = 1; page <= pages; page++) {
      const query = `?page=${page}&per_page=${perPage}${status ? `&status=${status}` : ''}`;
      const body = expectStatus(await api.get(`/api/v1/coupons${query}`), 200).body;
      expect(body.meta).toEqual({
        current_page: page,
        next_page: page < pages ? page + 1 : null,
        prev_page: page > 1 ? page - 1 : null,
        total_pages: pages,
        total_count: expectedTotal,
      });
      codes.push(...body.coupons.map((coupon: { code: string }) => coupon.code));
    }
    return codes;
  }

  async function expectEveryPage(): Promise<void> {
    for (const status of [null, 'active', 'terminated']) {
      const expected = await expectedCodes(status);
      for (const perPage of [ANCHOR_EVERY, 37]) {
        expect(await walk(perPage, status, expected.length)).toEqual(expected);
      }
    }
  }

  it('serves every page of every filter in the list order, with exact counts', async () => {
    expect((await expectedCodes(null)).length).toBe(SEEDED);
    await expectEveryPage();
  });

  it('stays exact after creates, updates, terminations, deletions and the expiry sweep', async () => {
    const codes = await expectedCodes(null);
    // Positions spread over the list, so that cached anchors before and after each change would be wrong.
    for (const code of [codes[150], codes[640], codes[1100]]) expectStatus(await api.delete(`/api/v1/coupons/${encodeURIComponent(code)}`), 200);
    for (const code of [codes[300], codes[900]]) expectStatus(await api.post(`/api/v1/coupons/${encodeURIComponent(code)}/terminate`), 200);
    for (let i = 0; i < 3; i++) await createCoupon(api, i === 0 ? {} : { expiration: 'time_limit', expiration_at: isoIn(i * 3) });
    const timeLimited = await t.app.get(DataSource).query<{ code: string }[]>(
      "SELECT code FROM coupons WHERE organization_id = ? AND status = 'active' AND expiration = 'time_limit' AND deleted_at IS NULL ORDER BY id LIMIT 2",
      [organizationId],
    );
    expectStatus(await api.put(`/api/v1/coupons/${encodeURIComponent(timeLimited[0].code)}`, { coupon: { expiration_at: isoIn(400) } }), 200);
    await expectEveryPage();

    await t.app.get(ExpireCouponsService).call(new Date(Date.now() + 100 * 24 * 3600 * 1000));
    await expectEveryPage();
    expect((await expectedCodes(null)).length).toBe(SEEDED - 3 + 3);
  });

  it('keeps counters equal to the rows for every organization', async () => {
    const dataSource = t.app.get(DataSource);
    const counted = await dataSource.query(
      'SELECT organization_id, status, COUNT(*) AS n FROM coupons WHERE deleted_at IS NULL GROUP BY organization_id, status ORDER BY organization_id, status',
    );
    const kept = await dataSource.query(
      'SELECT organization_id, status, SUM(live_count) AS n FROM coupon_list_stats GROUP BY organization_id, status HAVING n <> 0 ORDER BY organization_id, status',
    );
    const normalize = (rows: { organization_id: number; status: string; n: string | number }[]) =>
      rows.map((row) => [Number(row.organization_id), row.status, Number(row.n)]);
    expect(normalize(kept)).toEqual(normalize(counted));
  });
});
