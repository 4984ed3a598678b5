import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PromotionCodeBatch } from '../api/types';
import { aBatch, aCoupon, aPromotionCode, fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const BASE = { 'GET /coupons/SPRING': { body: { coupon: aCoupon() } }, 'GET /applied_coupons': { body: { applied_coupons: [] } } };
const CSV = 'code,active,max_redemptions,redemptions_count,expires_at,created_at\nSPRING-7KQ2MHD9,true,1,0,,2026-02-01T10:00:00Z\n';
const batchList = (batches: PromotionCodeBatch[]) => ({ body: { promotion_code_batches: batches, meta: listMeta(batches.length) } });

/** Catches what the dashboard hands to the browser as a download. */
function captureDownloads() {
  const saved: { blob: Blob; filename: string }[] = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal('URL', Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => {},
  }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, filename: this.download });
  });
  return saved;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('promotion code batches on the coupon page', () => {
  it('shows the guessability limit for the length typed, and checks it before sending', async () => {
    const fake = fakeApi(BASE);
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Generate codes' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate codes for SPRING' });
    const count = within(dialog).getByLabelText('Number of codes');
    expect(count).toHaveAccessibleDescription('Up to 1,000,000 codes per batch.');
    const length = within(dialog).getByLabelText('Random characters');
    await user.clear(length);
    await user.type(length, '4');
    expect(count).toHaveAccessibleDescription(/^At most 9,235 codes with 4 random characters/);

    await user.type(count, '10000');
    await user.click(within(dialog).getByRole('button', { name: 'Generate codes' }));
    expect(count).toHaveAccessibleDescription(/^From 1 to 1,000,000, and at most 1 % of the codes/);
    expect(fake.bodiesOf('POST', '/promotion_code_batches')).toHaveLength(0);
  });

  it('starts a batch, follows its progress, then offers its codes', async () => {
    let batches: PromotionCodeBatch[] = [];
    const progress = [
      { status: 'generating', generated_count: 20 },
      { status: 'completed', generated_count: 50, completed_at: '2026-02-01T10:00:05Z' },
    ] as const;
    const fake = fakeApi({
      ...BASE,
      'POST /promotion_code_batches': () => {
        batches = [aBatch({ status: 'pending', count: 50, generated_count: 0, completed_at: null }), aBatch({ lago_id: 'other', coupon_code: 'WINTER' })];
        return { body: { promotion_code_batch: batches[0] } };
      },
      // The API filters by coupon: the WINTER batch never reaches this coupon's page.
      'GET /promotion_code_batches': (_body, url) => {
        const answer = batchList(batches.filter((batch) => batch.coupon_code === url.searchParams.get('coupon_code')));
        const next = batches.length && batches[0].status !== 'completed' ? progress[batches[0].status === 'pending' ? 0 : 1] : null;
        if (next) batches = [{ ...batches[0], ...next }, ...batches.slice(1)];
        return answer;
      },
      'GET /promotion_codes': (_body, url) => {
        const done = batches[0]?.status === 'completed' && url.searchParams.get('lago_batch_id') !== 'nothing';
        const codes = done ? [aPromotionCode({ code: 'SPRING-7KQ2MHD9', lago_batch_id: batches[0].lago_id, max_redemptions: 1 })] : [];
        return { body: { promotion_codes: codes, meta: listMeta(codes.length) } };
      },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Generate codes' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate codes for SPRING' });
    await user.type(within(dialog).getByLabelText('Number of codes'), '50');
    await user.type(within(dialog).getByLabelText(/^Prefix/), 'SPRING-');
    expect(within(dialog).getByText(/^SPRING-[A-Z2-9]{10}$/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Generate codes' }));

    expect(await screen.findByText('Generating 50 codes. They can be downloaded once the batch completes.')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/promotion_code_batches')).toEqual([{
      promotion_code_batch: {
        coupon_code: 'SPRING', prefix: 'SPRING-', count: 50, length: 10, max_redemptions: 1, expires_at: null,
        restrictions: { customer_external_id: null, first_time_transaction: false }, metadata: {},
      },
    }]);
    const card = await screen.findByRole('region', { name: 'Code batches' });
    expect(within(card).queryByText('SPRING-••••••••')).toBeInTheDocument();
    expect(within(card).queryByRole('row', { name: /WINTER/ })).not.toBeInTheDocument();
    const bar = await within(card).findByRole('progressbar', { name: 'Codes generated: 20 / 50' }, { timeout: 3000 });
    expect(bar).toHaveAttribute('value', '20');
    expect(within(card).queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();

    await within(card).findByRole('progressbar', { name: 'Codes generated: 50 / 50' }, { timeout: 3000 });
    expect(within(card).getByText('Completed', { selector: '.badge' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
    // The batch settled: its codes show up in the list, marked with their batch.
    const row = await screen.findByRole('row', { name: /SPRING-7KQ2MHD9/ });
    await user.click(within(row).getByRole('button', { name: 'SPRING-••••••••' }));
    await waitFor(() => expect(fake.requests.at(-1)?.url.searchParams.get('lago_batch_id')).toBe(batches[0].lago_id));
  });

  it('downloads a completed batch’s CSV with the operator’s key', async () => {
    const saved = captureDownloads();
    const fake = fakeApi({
      ...BASE,
      'GET /promotion_code_batches': batchList([aBatch()]),
      'GET /promotion_code_batches/5f0c1a2b-0000-4000-8000-000000000001/codes.csv': { body: CSV, contentType: 'text/csv; charset=utf-8' },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].filename).toBe('SPRING-codes-5f0c1a2b-0000-4000-8000-000000000001.csv');
    expect(await saved[0].blob.text()).toBe(CSV);
    const request = fake.requests.find((r) => r.path.endsWith('/codes.csv'))!;
    // The download rides on the session cookie, like every other call.
    expect(request.credentials).toBe('same-origin');
  });

  it('explains a download refused because the batch is not complete', async () => {
    captureDownloads();
    fakeApi({
      ...BASE,
      'GET /promotion_code_batches': batchList([aBatch()]),
      'GET /promotion_code_batches/5f0c1a2b-0000-4000-8000-000000000001/codes.csv': {
        status: 409, body: { status: 409, error: 'Conflict', code: 'batch_not_completed' },
      },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The batch is still being generated');
  });

  it("asks for this coupon's batches, every page of them", async () => {
    const fake = fakeApi({
      ...BASE,
      'GET /promotion_code_batches': (_body, url) => {
        const page = Number(url.searchParams.get('page'));
        const batch = page === 1 ? aBatch({ lago_id: 'first' }) : aBatch({ status: 'failed', generated_count: 40 });
        return { body: { promotion_code_batches: [batch], meta: listMeta(2, page, 1) } };
      },
    });
    renderApp('/coupon/SPRING');
    const card = await screen.findByRole('region', { name: 'Code batches' });
    expect(await within(card).findByText('Failed')).toBeInTheDocument();
    expect(within(card).getAllByRole('row')).toHaveLength(3);
    const asked = fake.requests.filter((r) => r.path === '/promotion_code_batches').map((r) => r.url.searchParams);
    expect(asked.map((query) => [query.get('coupon_code'), query.get('page')])).toEqual([['SPRING', '1'], ['SPRING', '2']]);
  });
});
