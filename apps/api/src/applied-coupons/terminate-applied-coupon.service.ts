import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, CustomerEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DELETE /customers/:external_id/applied_coupons/:lago_id — terminates; a second call changes nothing. */
@Injectable()
export class TerminateAppliedCouponService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async call(organization: Organization, externalCustomerId: string, lagoId: string): Promise<Result<AppliedCouponEntity>> {
    const customer = await this.dataSource.getRepository(CustomerEntity).findOneBy({ organizationId: organization.id, externalId: externalCustomerId });
    if (!customer) return notFound('customer_not_found');
    if (!UUID.test(lagoId)) return notFound('applied_coupon_not_found');
    const repository = this.dataSource.getRepository(AppliedCouponEntity);
    const applied = await repository.findOneBy({ lagoId: lagoId.toLowerCase(), customerId: customer.id });
    if (!applied) return notFound('applied_coupon_not_found');
    if (applied.status === 'active') {
      const now = new Date();
      await repository.update({ id: applied.id, status: 'active' }, { status: 'terminated', terminatedAt: now });
      return success((await repository.findOneBy({ id: applied.id }))!);
    }
    return success(applied);
  }
}
