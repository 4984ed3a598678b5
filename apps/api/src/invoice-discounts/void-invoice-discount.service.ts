import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, CouponEntity, CreditEntity, InvoiceDiscountEntity } from '../database/entities';
import { lockCustomer } from '../database/locks';
import { inTransaction } from '../database/transactions';
import type { Organization } from '../organizations/organization';
import { InvoiceDiscountView } from './invoice-discount.serializer';
import { findInvoiceDiscount, storedView } from './stored-invoice-discount';

/**
 * POST /invoice_discounts/:external_invoice_id/void: gives back what the invoice took — the amount to a
 * fixed once coupon, a period to a recurring one — and reactivates applied coupons it had exhausted,
 * unless their coupon was terminated or deleted since. A second void changes nothing.
 */
@Injectable()
export class VoidInvoiceDiscountService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  call(organization: Organization, externalInvoiceId: string): Promise<Result<InvoiceDiscountView>> {
    return inTransaction(this.dataSource, (manager) => this.void(manager, organization, externalInvoiceId));
  }

  private async void(manager: EntityManager, organization: Organization, externalInvoiceId: string): Promise<Result<InvoiceDiscountView>> {
    const found = await findInvoiceDiscount(manager, organization.id, externalInvoiceId);
    if (!found) return notFound('invoice_discount_not_found');
    await lockCustomer(manager, { id: found.customerId });
    // Re-read under the customer's lock: a concurrent void may have just finished.
    const invoice = (await manager.getRepository(InvoiceDiscountEntity).findOneBy({ id: found.id }))!;
    if (invoice.status === 'voided') return success(await storedView(manager, invoice));

    const now = new Date();
    const credits = await manager.getRepository(CreditEntity).findBy({ invoiceDiscountId: invoice.id, voidedAt: IsNull() });
    for (const credit of credits) {
      const applied = await manager.getRepository(AppliedCouponEntity).findOneByOrFail({ id: credit.appliedCouponId });
      const coupon = await manager.getRepository(CouponEntity).findOneByOrFail({ id: applied.couponId });
      const reactivate = credit.exhaustedCoupon && applied.status === 'terminated' && coupon.status === 'active' && coupon.deletedAt === null;
      await manager.getRepository(AppliedCouponEntity).update(
        { id: applied.id },
        {
          amountCentsRemaining: applied.amountCentsRemaining === null ? null : applied.amountCentsRemaining + credit.amountCents,
          frequencyDurationRemaining:
            credit.usedPeriod && applied.frequencyDurationRemaining !== null ? applied.frequencyDurationRemaining + 1 : applied.frequencyDurationRemaining,
          ...(reactivate ? { status: 'active' as const, terminatedAt: null } : {}),
        },
      );
      await manager.getRepository(CreditEntity).update({ id: credit.id }, { voidedAt: now });
    }
    await manager.getRepository(InvoiceDiscountEntity).update({ id: invoice.id }, { status: 'voided', voidedAt: now });
    invoice.status = 'voided';
    return success(await storedView(manager, invoice));
  }
}
