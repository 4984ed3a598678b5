import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './support/api-client';
import { createCustomer, expectStatus } from './support/factories';
import { startTestApp, testConfig } from './support/test-app';

interface Engine {
  api: ApiClient;
  /** A key of another organization on the same app. */
  otherApi(): Promise<ApiClient>;
  close(): Promise<void>;
}

async function mariadb(): Promise<Engine> {
  const t = await startTestApp();
  return { api: t.api, otherApi: async () => t.api.withKey(await t.newApiKey()), close: () => t.close() };
}

async function sqlite(): Promise<Engine> {
  const directory = mkdtempSync(join(tmpdir(), 'coupons-sqlite-'));
  const app: NestFastifyApplication = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: join(directory, 'coupons.sqlite') } }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const keys = app.get(ApiKeysService);
  const api = new ApiClient(`http://127.0.0.1:${port}`, (await keys.create('SQLite organization')).apiKey);
  return {
    api,
    otherApi: async () => api.withKey((await keys.create('Other organization')).apiKey),
    close: async () => {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** GET /customers?search=: a case-insensitive substring of external id or name, on both database engines. */
describe.each([
  ['MariaDB', mariadb],
  ['SQLite', sqlite],
])('customers search (%s)', (_engine, start) => {
  let engine: Engine;
  let api: ApiClient;

  beforeAll(async () => {
    engine = await start();
    api = engine.api;
    // Created oldest first: the list is newest first.
    for (const customer of [
      { external_id: 'cus_acme_01', name: 'Acme Corporation', currency: 'EUR' },
      { external_id: 'cus_globex', name: 'Globex', currency: 'USD' },
      { external_id: 'CUS_INITECH', name: 'Initech GmbH', currency: 'EUR' },
      { external_id: 'cus_100%_off', name: 'Percent Ltd', currency: null },
      { external_id: 'cus_1000_off', name: 'Thousand Ltd', currency: null },
      { external_id: 'cus_under_score', name: 'Under Score', currency: 'JPY' },
      { external_id: 'cus_underxscore', name: null, currency: null },
      { external_id: 'cus_bang!', name: 'Bang', currency: null },
    ]) {
      await createCustomer(api, customer);
    }
  });
  afterAll(() => engine?.close());

  const search = async (query: string) => {
    const body = expectStatus(await api.get(`/api/v1/customers?${query}`), 200).body;
    return { ids: (body.customers as { external_id: string }[]).map((c) => c.external_id), meta: body.meta, customers: body.customers };
  };

  it('matches part of the external id', async () => {
    expect((await search('search=globex')).ids).toEqual(['cus_globex']);
    expect((await search('search=acme_0')).ids).toEqual(['cus_acme_01']);
  });

  it('matches part of the name, and serializes the customers as the plain list does', async () => {
    const { ids, customers } = await search('search=corpora');
    expect(ids).toEqual(['cus_acme_01']);
    const plain = expectStatus(await api.get('/api/v1/customers?per_page=100'), 200).body.customers as { external_id: string }[];
    expect(customers).toEqual([plain.find((c) => c.external_id === 'cus_acme_01')]);
  });

  it('ignores case on both sides, including a case-sensitive external id', async () => {
    expect((await search('search=INITECH')).ids).toEqual(['CUS_INITECH']);
    expect((await search('search=initech')).ids).toEqual(['CUS_INITECH']);
    expect((await search('search=gMbH')).ids).toEqual(['CUS_INITECH']);
    expect((await search('search=GLOBEX')).ids).toEqual(['cus_globex']);
  });

  it('takes % and _ literally, and the escape character too', async () => {
    expect((await search(`search=${encodeURIComponent('100%')}`)).ids).toEqual(['cus_100%_off']);
    expect((await search(`search=${encodeURIComponent('%')}`)).ids).toEqual(['cus_100%_off']);
    // As wildcards, `under_` would match "underx" too and `0_` the "00" of cus_100%_off.
    expect((await search(`search=${encodeURIComponent('under_')}`)).ids).toEqual(['cus_under_score']);
    expect((await search(`search=${encodeURIComponent('0_')}`)).ids).toEqual(['cus_1000_off']);
    expect((await search(`search=${encodeURIComponent('bang!')}`)).ids).toEqual(['cus_bang!']);
  });

  it('trims the term; a blank or repeated parameter lists everyone', async () => {
    expect((await search(`search=${encodeURIComponent('  globex ')}`)).ids).toEqual(['cus_globex']);
    expect((await search('search=%20%20')).meta.total_count).toBe(8);
    expect((await search('search[]=globex')).meta.total_count).toBe(8);
  });

  it('answers an empty page when nothing matches', async () => {
    const { ids, meta } = await search('search=nobody');
    expect(ids).toEqual([]);
    expect(meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 });
  });

  it('paginates the matches, newest first, with meta counting the matches only', async () => {
    const first = await search('search=ltd&per_page=1');
    expect(first.ids).toEqual(['cus_1000_off']);
    expect(first.meta).toEqual({ current_page: 1, next_page: 2, prev_page: null, total_pages: 2, total_count: 2 });
    const second = await search('search=ltd&per_page=1&page=2');
    expect(second.ids).toEqual(['cus_100%_off']);
    expect(second.meta).toEqual({ current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 2 });
    const past = await search('search=ltd&per_page=1&page=3');
    expect(past.ids).toEqual([]);
    expect(past.meta).toMatchObject({ current_page: 3, total_count: 2 });
  });

  it("never returns another organization's customers", async () => {
    const other = await engine.otherApi();
    await createCustomer(other, { external_id: 'cus_globex_theirs', name: 'Globex (theirs)' });
    await createCustomer(other, { external_id: 'theirs_only', name: 'Hidden Acme' });
    expect((await search('search=globex')).ids).toEqual(['cus_globex']);
    expect((await search('search=acme')).ids).toEqual(['cus_acme_01']);
    const theirs = expectStatus(await other.get('/api/v1/customers?search=acme'), 200).body;
    expect(theirs.customers.map((c: { external_id: string }) => c.external_id)).toEqual(['theirs_only']);
    expect(theirs.meta.total_count).toBe(1);
  });
});
