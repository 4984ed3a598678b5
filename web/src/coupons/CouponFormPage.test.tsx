import { generateCouponCode, isValidCouponCode } from '@coupons/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCoupon, fakeApi, METRICS, PLANS, TEST_CSRF_TOKEN, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const created = (body: unknown) => ({ body: { coupon: aCoupon((body as { coupon: { code?: string } }).coupon) } });

function api(overrides: Parameters<typeof fakeApi>[0] = {}): FakeApi {
  return fakeApi({
    'GET /plans': { body: PLANS },
    'GET /billable_metrics': { body: METRICS },
    'POST /coupons': created,
    'GET /coupons/SPRING': { body: { coupon: aCoupon() } },
    ...overrides,
  });
}

async function openForm() {
  const view = renderApp('/coupons/new');
  await screen.findByRole('heading', { name: 'New coupon' });
  return view;
}

function sentCoupon(fake: FakeApi): Record<string, unknown> {
  const [body] = fake.bodiesOf('POST', '/coupons') as { coupon: Record<string, unknown> }[];
  return body.coupon;
}

describe('create coupon form', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = api();
  });

  it('shows the fields that go with each choice', async () => {
    const { user } = await openForm();
    expect(screen.getByLabelText('Amount')).toBeInTheDocument();
    expect(screen.getByLabelText('Currency')).toBeInTheDocument();
    expect(screen.queryByLabelText('Rate')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Percentage' }));
    expect(screen.getByLabelText('Rate')).toBeInTheDocument();
    expect(screen.queryByLabelText('Amount')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '+ Add currency' })).not.toBeInTheDocument();

    expect(screen.queryByLabelText('Number of billing periods')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Recurring' }));
    expect(screen.getByLabelText('Number of billing periods')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Forever' }));
    expect(screen.queryByLabelText('Number of billing periods')).not.toBeInTheDocument();

    expect(screen.queryByLabelText('Expires at')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Expires on a date' }));
    expect(screen.getByLabelText('Expires at')).toHaveAttribute('type', 'datetime-local');
  });

  it('sends a fixed amount in minor units of the chosen currency', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Spring');
    await user.type(screen.getByLabelText(/^Code/), 'SPRING');
    await user.type(screen.getByLabelText('Amount'), '12.50');
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));

    await waitFor(() => expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(1));
    expect(sentCoupon(fake)).toMatchObject({
      name: 'Spring',
      code: 'SPRING',
      coupon_type: 'fixed_amount',
      amount_cents: 1250,
      amount_currency: 'EUR',
      frequency: 'once',
      expiration: 'no_expiration',
      reusable: true,
      applies_to: { plan_codes: [], billable_metric_codes: [] },
      metadata: {},
      currency_options: {},
    });
    // A write under the operator's session carries its CSRF token, and no key.
    const write = fake.requests.find((request) => request.method === 'POST' && request.path === '/coupons')!;
    expect(write.headers.get('X-CSRF-Token')).toBe(TEST_CSRF_TOKEN);
    expect(write.headers.get('Authorization')).toBeNull();
    await screen.findByRole('heading', { name: 'Spring' });
    expect(window.location.pathname).toBe('/coupon/SPRING');
  });

  it.each([
    ['JPY', '1500', 1500],
    ['BHD', '1.005', 1005],
    ['EUR', '0.29', 29],
  ])('converts %s %s to %i minor units', async (currency, typed, cents) => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Money');
    await user.selectOptions(screen.getByLabelText('Currency'), currency);
    await user.type(screen.getByLabelText('Amount'), typed);
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    await waitFor(() => expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(1));
    expect(sentCoupon(fake)).toMatchObject({ amount_cents: cents, amount_currency: currency });
    expect(sentCoupon(fake)).not.toHaveProperty('code');
  });

  it('refuses more decimals than the currency has, on the amount field', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Yen');
    await user.selectOptions(screen.getByLabelText('Currency'), 'JPY');
    await user.type(screen.getByLabelText('Amount'), '15.5');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription('JPY has no decimals');
    expect(screen.getByLabelText('Amount')).toHaveFocus();
    expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(0);
  });

  it('runs the domain rules before sending: mandatory name, rate range, durations', async () => {
    const { user } = await openForm();
    await user.click(screen.getByRole('radio', { name: 'Percentage' }));
    await user.type(screen.getByLabelText('Rate'), '150');
    await user.click(screen.getByRole('radio', { name: 'Recurring' }));
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('This field is required');
    expect(screen.getByLabelText('Rate')).toHaveAccessibleDescription('Enter a rate above 0 and at most 100');
    expect(screen.getByLabelText('Number of billing periods')).toHaveAccessibleDescription(
      'Enter the number of billing periods',
    );
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText('Name'), 'Fixed');
    expect(screen.getByLabelText('Name')).not.toHaveAccessibleDescription('This field is required');
  });

  it('sends a percentage coupon with recurring duration, local expiry as UTC, limits and metadata', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Quarter off');
    await user.click(screen.getByRole('radio', { name: 'Percentage' }));
    await user.type(screen.getByLabelText('Rate'), '12.5');
    await user.click(screen.getByRole('radio', { name: 'Recurring' }));
    await user.type(screen.getByLabelText('Number of billing periods'), '3');
    await user.click(screen.getByRole('radio', { name: 'Expires on a date' }));
    await user.type(screen.getByLabelText('Expires at'), '2031-05-01T14:30');
    await user.type(screen.getByLabelText(/^Redeemable from/), '2031-01-01T00:00');
    await user.type(screen.getByLabelText(/^Maximum redemptions/), '100');
    await user.click(screen.getByRole('checkbox', { name: /Reusable/ }));
    await user.click(screen.getByRole('button', { name: '+ Add metadata' }));
    await user.type(screen.getByLabelText('Key 1'), 'campaign');
    await user.type(screen.getByLabelText('Value 1'), 'spring');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));

    await waitFor(() => expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(1));
    const coupon = sentCoupon(fake);
    expect(coupon).toMatchObject({
      coupon_type: 'percentage',
      percentage_rate: '12.5',
      frequency: 'recurring',
      frequency_duration: 3,
      expiration: 'time_limit',
      expiration_at: '2031-05-01T09:00:00Z',
      starts_at: '2030-12-31T18:30:00Z',
      max_redemptions: 100,
      reusable: false,
      metadata: { campaign: 'spring' },
    });
    expect(coupon).not.toHaveProperty('amount_cents');
    expect(coupon).not.toHaveProperty('currency_options');
  });

  it('limits to plans or to billable metrics, never both', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Limited');
    await user.type(screen.getByLabelText('Amount'), '5');
    await user.click(screen.getByRole('radio', { name: 'Specific plans' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Startup (startup)' }));
    await user.click(screen.getByRole('radio', { name: 'Specific billable metrics' }));
    expect(screen.queryByRole('checkbox', { name: 'Startup (startup)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'API calls (api_calls)' }));
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));

    await waitFor(() => expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(1));
    expect(sentCoupon(fake).applies_to).toEqual({ plan_codes: [], billable_metric_codes: ['api_calls'] });
  });

  it('asks for at least one plan once "specific plans" is chosen', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Limited');
    await user.type(screen.getByLabelText('Amount'), '5');
    await user.click(screen.getByRole('radio', { name: 'Specific plans' }));
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    expect(screen.getByText('Pick at least one plan')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(0);
  });

  it('adds extra currency amounts in each currency minor units', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Multi');
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.click(screen.getByRole('button', { name: '+ Add currency' }));
    await user.selectOptions(screen.getByLabelText('Currency 1'), 'JPY');
    await user.type(screen.getByLabelText('Amount 1'), '1500');
    await user.click(screen.getByRole('button', { name: '+ Add currency' }));
    await user.selectOptions(screen.getByLabelText('Currency 2'), 'BHD');
    await user.type(screen.getByLabelText('Amount 2'), '4.25');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    await waitFor(() => expect(fake.bodiesOf('POST', '/coupons')).toHaveLength(1));
    expect(sentCoupon(fake).currency_options).toEqual({ JPY: { amount_cents: 1500 }, BHD: { amount_cents: 4250 } });
  });

  it('suggests a valid code', async () => {
    const { user } = await openForm();
    await user.click(screen.getByRole('button', { name: 'Suggest' }));
    const code = screen.getByLabelText<HTMLInputElement>(/^Code/).value;
    expect(isValidCouponCode(code)).toBe(true);
    expect(code).toMatch(new RegExp(`^[${generateCouponCode().replaceAll('-', '')}A-Z2-9-]{14}$`));
  });

  it('shows API validation errors next to their fields', async () => {
    fake = api({
      'POST /coupons': {
        status: 422,
        body: {
          status: 422,
          error: 'Unprocessable Entity',
          code: 'validation_errors',
          error_details: { code: ['value_already_exist'], idempotency_key: ['value_is_invalid'] },
        },
      },
    });
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Spring');
    await user.type(screen.getByLabelText(/^Code/), 'SPRING');
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));

    const code = screen.getByLabelText(/^Code/);
    await waitFor(() => expect(code).toHaveAccessibleDescription('This code is already used'));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Idempotency key: This value is not valid');
    await user.type(code, '-2');
    expect(code).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows 404 and 405 codes as a form-level message', async () => {
    fake = api({
      'POST /coupons': {
        status: 405,
        body: { status: 405, error: 'Method Not Allowed', code: 'only_one_limitation_type_per_coupon_allowed' },
      },
    });
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Name'), 'Spring');
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.click(screen.getByRole('button', { name: 'Create coupon' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('limited to plans or to billable metrics, not both');
  });
});

describe('edit coupon form', () => {
  it('prefills the coupon and locks fields once it has been applied', async () => {
    let stored = aCoupon({ redemptions_count: 2, max_redemptions: 5, metadata: { team: 'growth' } });
    const fake = fakeApi({
      'GET /plans': { body: PLANS },
      'GET /billable_metrics': { body: METRICS },
      'GET /coupons/SPRING': () => ({ body: { coupon: stored } }),
      'PUT /coupons/SPRING': (body) => {
        stored = { ...stored, ...(body as { coupon: object }).coupon };
        return { body: { coupon: stored } };
      },
    });
    const { user } = renderApp('/coupon/SPRING/edit');
    await screen.findByRole('heading', { name: 'Edit Spring' });

    expect(screen.getByLabelText('Amount')).toHaveValue('12.50');
    expect(screen.getByLabelText('Amount')).toBeDisabled();
    expect(screen.getByLabelText('Currency')).toBeDisabled();
    expect(screen.getByLabelText(/^Code/)).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Percentage' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Recurring' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: /Reusable/ })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Specific plans' })).toBeDisabled();
    expect(screen.getByLabelText('Name')).toBeEnabled();
    expect(screen.getByLabelText(/^Maximum redemptions/)).toBeEnabled();
    expect(screen.getByRole('radio', { name: 'Expires on a date' })).toBeEnabled();
    expect(screen.getByText(/has been applied 2 time/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^Maximum redemptions/));
    await user.type(screen.getByLabelText(/^Maximum redemptions/), '1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText(/^Maximum redemptions/)).toHaveAccessibleDescription(
      'Cannot be below the 2 redemptions so far',
    );

    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Spring sale');
    await user.clear(screen.getByLabelText(/^Maximum redemptions/));
    await user.type(screen.getByLabelText(/^Maximum redemptions/), '10');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(fake.bodiesOf('PUT', '/coupons/SPRING')).toHaveLength(1));
    const [{ coupon }] = fake.bodiesOf('PUT', '/coupons/SPRING') as { coupon: Record<string, unknown> }[];
    expect(Object.keys(coupon).sort()).toEqual(
      ['description', 'expiration', 'max_redemptions', 'metadata', 'name', 'starts_at'].sort(),
    );
    expect(coupon).toMatchObject({ name: 'Spring sale', max_redemptions: 10, metadata: { team: 'growth' } });
    await screen.findByRole('heading', { name: 'Spring sale' });
  });

  it('encodes codes in API paths', async () => {
    const odd = aCoupon({ code: 'A.B?C#1', name: 'Odd' });
    const fake = fakeApi({ 'GET /coupons/A.B%3FC%231': { body: { coupon: odd } } });
    renderApp(`/coupon/${encodeURIComponent('A.B?C#1')}`);
    await screen.findByRole('heading', { name: 'Odd' });
    expect(fake.requests[0].url.pathname).toBe('/api/v1/coupons/A.B%3FC%231');
    expect(within(screen.getByRole('main')).getAllByText('A.B?C#1').length).toBeGreaterThan(0);
  });
});
