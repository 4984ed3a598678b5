import { formatDateTime } from '@coupons/domain';
import type { CustomerEntity } from '../database/entities';

/** Lago's customer, reduced to the fields coupons use, in Lago's key order. */
export function serializeCustomer(customer: CustomerEntity) {
  return {
    lago_id: customer.lagoId,
    external_id: customer.externalId,
    name: customer.name,
    currency: customer.currency,
    created_at: formatDateTime(customer.createdAt),
  };
}
