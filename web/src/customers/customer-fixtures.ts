/** Wire objects for the customer pages' tests, valid as the API sends them; override what a test is about. */
import type { OperatorRole } from '@coupons/domain';
import type { SessionBody } from '../auth/auth-types';
import type { Customer, CustomerAppliedCoupon } from './customer-types';

export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    lago_id: '9c1f0a2b-0000-4000-8000-000000000001',
    external_id: 'cus_acme',
    name: 'Acme Corp',
    currency: 'EUR',
    created_at: '2026-03-01T09:30:00Z',
    ...overrides,
  };
}

export function anAppliedCoupon(overrides: Partial<CustomerAppliedCoupon> = {}): CustomerAppliedCoupon {
  return {
    lago_id: '1b2c3d4e-0000-4000-8000-000000000001',
    lago_coupon_id: '4f0c9b0e-0000-4000-8000-000000000001',
    coupon_code: 'SPRING',
    promotion_code: null,
    coupon_name: 'Spring',
    coupon_description: null,
    coupon_status: 'active',
    coupon_deleted_at: null,
    lago_customer_id: '9c1f0a2b-0000-4000-8000-000000000001',
    external_customer_id: 'cus_acme',
    status: 'active',
    amount_cents: 1250,
    amount_cents_remaining: 1250,
    amount_currency: 'EUR',
    percentage_rate: null,
    frequency: 'once',
    frequency_duration: null,
    frequency_duration_remaining: null,
    expiration_at: null,
    created_at: '2026-03-02T10:00:00Z',
    terminated_at: null,
    credits: [],
    ...overrides,
  };
}

/** `GET /auth/session` signed in with `role`, for the pages that hide writes from some roles. */
export function sessionAs(role: OperatorRole): { body: SessionBody } {
  return {
    body: {
      user: { lago_id: 'u1', email: `${role}@example.com`, name: null, role, created_at: '2026-01-01T00:00:00Z' },
      organization: { name: 'Test organization' },
      csrf_token: 'csrf-test',
    },
  };
}
