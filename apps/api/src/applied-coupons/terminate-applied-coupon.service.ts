import { Injectable } from '@nestjs/common';
import { CustomersRepository } from '../catalog/customers.repository';
import { notFound, Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import { AppliedCouponRecord, serializeAppliedCoupon } from './applied-coupon.serializer';
import { AppliedCouponsRepository } from './applied-coupons.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DELETE /customers/:external_id/applied_coupons/:lago_id — terminates; a second call changes nothing. */
@Injectable()
export class TerminateAppliedCouponService {
  constructor(
    private readonly appliedCoupons: AppliedCouponsRepository,
    private readonly customers: CustomersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, externalCustomerId: string, lagoId: string): Promise<Result<AppliedCouponRecord>> {
    const customer = await this.customers.findByExternalId(organization.id, externalCustomerId);
    if (!customer) return notFound('customer_not_found');
    if (!UUID.test(lagoId)) return notFound('applied_coupon_not_found');
    const found = await this.appliedCoupons.findOfCustomer(lagoId.toLowerCase(), customer.id);
    if (!found) return notFound('applied_coupon_not_found');
    if (found.status !== 'active') return success((await this.appliedCoupons.records([found]))[0]);
    return success(
      await this.transactions.run(async (tx) => {
        const { applied, terminated } = await this.appliedCoupons.terminate(found, new Date(), tx);
        const [record] = await this.appliedCoupons.records([applied]);
        if (terminated) {
          const data = { applied_coupon: serializeAppliedCoupon(record) };
          await this.events.record(tx, { ...originOf(organization), type: 'applied_coupon.terminated', objectId: applied.lagoId, data });
        }
        return record;
      }),
    );
  }
}
