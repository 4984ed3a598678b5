import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DiscountableCoupon } from '@coupons/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { AppliedCouponEntity, CouponEntity, CreditEntity, CustomerEntity, InvoiceDiscountEntity } from '../database/entities';
import { hydrateAll, preparedQuery } from '../database/prepared';
import type { Transaction } from '../database/transactions';

/** An active applied coupon with what the discount engine needs of its coupon. */
export interface ActiveAppliedCoupon {
  applied: AppliedCouponEntity;
  couponCode: string;
  couponType: DiscountableCoupon['couponType'];
  /** Limited to plans or billable metrics: its target codes are needed too. */
  limited: boolean;
  /** The minimum of the promotion code it was redeemed through, if any. */
  minimumAmountCents: number | null;
  minimumAmountCurrency: string | null;
}

/** A recorded invoice discount with its customer and its credits, each with its applied coupon and coupon. */
export interface StoredInvoiceDiscount {
  invoice: InvoiceDiscountEntity;
  customer: CustomerEntity;
  credits: { credit: CreditEntity; applied: AppliedCouponEntity; coupon: CouponEntity }[];
}

type AppliedWithCoupon = Record<string, unknown> & {
  coupon_code: string;
  coupon_kind: string;
  coupon_limited: number | boolean | string;
  minimum_cents: number | string | null;
  minimum_currency: string | null;
};

/**
 * The columns `activeAppliedCouponsOf` reads: an applied coupon `a` with its coupon `c` and the promotion
 * code `p` it was redeemed through (joined by ACTIVE_APPLIED_COUPON_JOINS, after `applied_coupons a`).
 */
export const ACTIVE_APPLIED_COUPON_COLUMNS =
  'a.*, c.code AS coupon_code, c.coupon_type AS coupon_kind, (c.limited_plans OR c.limited_billable_metrics) AS coupon_limited, ' +
  'p.minimum_amount_cents AS minimum_cents, p.minimum_amount_currency AS minimum_currency';
export const ACTIVE_APPLIED_COUPON_JOINS = 'coupons c ON c.id = a.coupon_id LEFT JOIN promotion_codes p ON p.id = a.promotion_code_id';

const ACTIVE_APPLIED_COUPONS_OF_CUSTOMER =
  `SELECT ${ACTIVE_APPLIED_COUPON_COLUMNS} FROM applied_coupons a JOIN ${ACTIVE_APPLIED_COUPON_JOINS} WHERE a.customer_id = ? AND a.status = ?`;

/**
 * Active applied coupons out of rows of ACTIVE_APPLIED_COUPON_COLUMNS, oldest first (the order the discount
 * engine applies them in). Sorted here rather than by the statements: a customer holds a handful, and an
 * ORDER BY on a joined read makes MariaDB build a temporary table for every request.
 */
export function activeAppliedCouponsOf(dataSource: DataSource, rows: Record<string, unknown>[]): ActiveAppliedCoupon[] {
  const joined = rows as AppliedWithCoupon[];
  return hydrateAll(dataSource, AppliedCouponEntity, joined)
    .map((applied, index) => ({
      applied,
      couponCode: joined[index].coupon_code,
      couponType: joined[index].coupon_kind as ActiveAppliedCoupon['couponType'],
      limited: Number(joined[index].coupon_limited) === 1,
      minimumAmountCents: joined[index].minimum_cents === null ? null : Number(joined[index].minimum_cents),
      minimumAmountCurrency: joined[index].minimum_currency,
    }))
    .sort((a, b) => a.applied.createdAt.getTime() - b.applied.createdAt.getTime() || a.applied.id - b.applied.id);
}

type AppliedCouponChanges = Partial<Pick<AppliedCouponEntity, 'amountCentsRemaining' | 'frequencyDurationRemaining' | 'status' | 'terminatedAt'>>;

/** Every statement on `invoice_discounts` and `credits`, and the applied-coupon balances a commit or void moves. */
@Injectable()
export class InvoiceDiscountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The customer's active applied coupons, oldest first, with their coupons' code and type and the minimum
   * of the promotion code each was redeemed through: one joined, prepared statement.
   */
  async activeAppliedCoupons(customerId: number, tx?: Transaction): Promise<ActiveAppliedCoupon[]> {
    const rows = await preparedQuery(tx ?? this.dataSource, ACTIVE_APPLIED_COUPONS_OF_CUSTOMER, [customerId, 'active']);
    return activeAppliedCouponsOf(this.dataSource, rows);
  }

  findByExternalInvoiceId(organizationId: number, externalInvoiceId: string, tx?: Transaction): Promise<InvoiceDiscountEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(InvoiceDiscountEntity).findOneBy({ organizationId, externalInvoiceId });
  }

  findById(id: number, tx: Transaction): Promise<InvoiceDiscountEntity | null> {
    return tx.getRepository(InvoiceDiscountEntity).findOneBy({ id });
  }

  /** The invoice's credits in the order they were applied, with what they were taken from. */
  async stored(invoice: InvoiceDiscountEntity, tx?: Transaction): Promise<StoredInvoiceDiscount> {
    const manager = tx ?? this.dataSource.manager;
    const credits = await manager.getRepository(CreditEntity).find({ where: { invoiceDiscountId: invoice.id }, order: { id: 'ASC' } });
    const appliedIds = [...new Set(credits.map((credit) => credit.appliedCouponId))];
    const applied = appliedIds.length ? await manager.getRepository(AppliedCouponEntity).findBy({ id: In(appliedIds) }) : [];
    const couponIds = [...new Set(applied.map((row) => row.couponId))];
    const coupons = couponIds.length ? await manager.getRepository(CouponEntity).findBy({ id: In(couponIds) }) : [];
    const customer = await manager.getRepository(CustomerEntity).findOneByOrFail({ id: invoice.customerId });
    const appliedById = new Map(applied.map((row) => [row.id, row]));
    const couponById = new Map(coupons.map((coupon) => [coupon.id, coupon]));
    return {
      invoice,
      customer,
      credits: credits.map((credit) => {
        const appliedCoupon = appliedById.get(credit.appliedCouponId)!;
        return { credit, applied: appliedCoupon, coupon: couponById.get(appliedCoupon.couponId)! };
      }),
    };
  }

  async insert(invoice: InvoiceDiscountEntity, tx: Transaction): Promise<void> {
    await tx.getRepository(InvoiceDiscountEntity).insert(invoice);
  }

  async insertCredit(credit: Omit<CreditEntity, 'id'>, tx: Transaction): Promise<void> {
    await tx.getRepository(CreditEntity).insert(credit);
  }

  async updateAppliedCoupon(appliedCouponId: number, changes: AppliedCouponChanges, tx: Transaction): Promise<void> {
    await tx.getRepository(AppliedCouponEntity).update({ id: appliedCouponId }, changes);
  }

  /** The credits a void gives back. */
  standingCredits(invoiceId: number, tx: Transaction): Promise<CreditEntity[]> {
    return tx.getRepository(CreditEntity).findBy({ invoiceDiscountId: invoiceId, voidedAt: IsNull() });
  }

  /** An applied coupon and its coupon as they are now, in the transaction. */
  async appliedCouponWithCoupon(appliedCouponId: number, tx: Transaction): Promise<{ applied: AppliedCouponEntity; coupon: CouponEntity }> {
    const applied = await tx.getRepository(AppliedCouponEntity).findOneByOrFail({ id: appliedCouponId });
    const coupon = await tx.getRepository(CouponEntity).findOneByOrFail({ id: applied.couponId });
    return { applied, coupon };
  }

  async voidCredit(creditId: number, now: Date, tx: Transaction): Promise<void> {
    await tx.getRepository(CreditEntity).update({ id: creditId }, { voidedAt: now });
  }

  async markVoided(invoiceId: number, now: Date, tx: Transaction): Promise<void> {
    await tx.getRepository(InvoiceDiscountEntity).update({ id: invoiceId }, { status: 'voided', voidedAt: now });
  }
}
