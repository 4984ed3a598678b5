import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { aCustomer, sessionAs } from './customer-fixtures';

const SESSION = { 'GET /auth/session': sessionAs('admin') };

describe('customers list', () => {
  it('lists each customer with a link to its page', async () => {
    fakeApi({
      ...SESSION,
      'GET /customers': {
        body: {
          customers: [aCustomer(), aCustomer({ lago_id: 'b', external_id: 'cus_anon', name: null, currency: null })],
          meta: listMeta(2, 1, 20),
        },
      },
      'GET /customers/cus_acme': { body: { customer: aCustomer() } },
      'GET /customers/cus_acme/applied_coupons': { body: { applied_coupons: [], meta: listMeta(0) } },
    });
    const { user } = renderApp('/customers');
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]).getByRole('link', { name: 'cus_acme' })).toHaveAttribute('href', '/customer/cus_acme');
    expect(within(rows[1]).getByText('Acme Corp')).toBeInTheDocument();
    expect(within(rows[1]).getByText('EUR')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Mar 1, 2026', { exact: false })).toHaveAttribute('title', expect.stringContaining('2026-03-01'));
    expect(within(rows[2]).getAllByText('—')).toHaveLength(2);
    expect(screen.getByText(/2 customers · page 1 of 1/)).toBeInTheDocument();
    await user.click(within(rows[1]).getByText('Acme Corp'));
    await screen.findByRole('heading', { name: 'Acme Corp' });
    expect(window.location.pathname).toBe('/customer/cus_acme');
  });

  it('searches through the URL and says when nothing matches', async () => {
    const fake = fakeApi({
      ...SESSION,
      'GET /customers': (_body, url) => ({ body: { customers: url.searchParams.get('search') ? [] : [aCustomer()], meta: listMeta(1, 1, 20) } }),
    });
    const { user } = renderApp('/customers');
    await screen.findByText('cus_acme');
    await user.type(screen.getByLabelText('Search'), ' 50%_off ');
    await screen.findByText('No customer matches “50%_off”');
    expect(window.location.search).toBe('?search=50%25_off');
    const last = fake.requests.filter((r) => r.path === '/customers').at(-1)!.url.searchParams;
    expect(last.get('search')).toBe('50%_off');
    expect(last.get('per_page')).toBe('20');
  });

  it('keeps the search and page of a reloaded URL, and pages on', async () => {
    const fake = fakeApi({
      ...SESSION,
      'GET /customers': (_body, url) => {
        const page = Number(url.searchParams.get('page'));
        return { body: { customers: [aCustomer({ external_id: `cus_acme_${page}` })], meta: listMeta(41, page, 20) } };
      },
    });
    const { user } = renderApp('/customers?search=acme&page=2');
    expect(await screen.findByText('cus_acme_2')).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('acme');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('cus_acme_3');
    expect(window.location.search).toBe('?search=acme&page=3');
    const pages = fake.requests.filter((r) => r.path === '/customers').map((r) => [r.url.searchParams.get('search'), r.url.searchParams.get('page')]);
    expect(pages).toEqual([['acme', '2'], ['acme', '3']]);
  });

  it('has its own empty state when there are no customers at all', async () => {
    fakeApi({ ...SESSION, 'GET /customers': { body: { customers: [], meta: listMeta(0) } } });
    renderApp('/customers');
    expect(await screen.findByText('No customers yet')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/No customer matches/)).not.toBeInTheDocument());
  });
});
