import { EntityManager, In } from 'typeorm';
import { AppliedCouponEntity, CouponEntity, CreditEntity, CustomerEntity, InvoiceDiscountEntity } from '../database/entities';
import { InvoiceDiscountView } from './invoice-discount.serializer';

/** A recorded invoice discount as it was computed, credits in the order they were applied. */
export async function storedView(manager: EntityManager, invoice: InvoiceDiscountEntity): Promise<InvoiceDiscountView> {
  const credits = await manager.getRepository(CreditEntity).find({ where: { invoiceDiscountId: invoice.id }, order: { id: 'ASC' } });
  const appliedIds = [...new Set(credits.map((credit) => credit.appliedCouponId))];
  const applied = appliedIds.length ? await manager.getRepository(AppliedCouponEntity).findBy({ id: In(appliedIds) }) : [];
  const couponIds = [...new Set(applied.map((row) => row.couponId))];
  const coupons = couponIds.length ? await manager.getRepository(CouponEntity).findBy({ id: In(couponIds) }) : [];
  const customer = await manager.getRepository(CustomerEntity).findOneByOrFail({ id: invoice.customerId });
  const appliedById = new Map(applied.map((row) => [row.id, row]));
  const couponById = new Map(coupons.map((coupon) => [coupon.id, coupon]));
  return {
    lagoId: invoice.lagoId,
    externalInvoiceId: invoice.externalInvoiceId,
    externalCustomerId: customer.externalId,
    currency: invoice.currency,
    status: invoice.status,
    feesAmountCents: invoice.feesAmountCents,
    couponsAmountCents: invoice.couponsAmountCents,
    fees: invoice.fees,
    credits: credits.map((credit) => {
      const appliedCoupon = appliedById.get(credit.appliedCouponId)!;
      return {
        appliedCouponLagoId: appliedCoupon.lagoId,
        couponCode: couponById.get(appliedCoupon.couponId)!.code,
        amountCents: credit.amountCents,
        amountCurrency: credit.amountCurrency,
        fees: credit.fees,
      };
    }),
    createdAt: invoice.createdAt,
  };
}

export function findInvoiceDiscount(manager: EntityManager, organizationId: number, externalInvoiceId: string) {
  return manager.getRepository(InvoiceDiscountEntity).findOneBy({ organizationId, externalInvoiceId });
}
