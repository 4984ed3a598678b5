import { Injectable } from '@nestjs/common';
import { CustomersRepository } from '../catalog/customers.repository';
import { notFound, Result, success } from '../common/result';
import { Transaction, TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import { InvoiceDiscountView, serializeInvoiceDiscount } from './invoice-discount.serializer';
import { InvoiceDiscountsRepository } from './invoice-discounts.repository';
import { storedView } from './stored-invoice-discount';

/**
 * POST /invoice_discounts/:external_invoice_id/void: gives back what the invoice took — the amount to a
 * fixed once coupon, a period to a recurring one — and reactivates applied coupons it had exhausted,
 * unless their coupon was terminated or deleted since. A second void changes nothing.
 */
@Injectable()
export class VoidInvoiceDiscountService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly customers: CustomersRepository,
    private readonly invoiceDiscounts: InvoiceDiscountsRepository,
    private readonly events: EventsRecorder,
  ) {}

  call(organization: Organization, externalInvoiceId: string): Promise<Result<InvoiceDiscountView>> {
    return this.transactions.run((tx) => this.void(tx, organization, externalInvoiceId));
  }

  private async void(tx: Transaction, organization: Organization, externalInvoiceId: string): Promise<Result<InvoiceDiscountView>> {
    const found = await this.invoiceDiscounts.findByExternalInvoiceId(organization.id, externalInvoiceId, tx);
    if (!found) return notFound('invoice_discount_not_found');
    await this.customers.lock({ id: found.customerId }, tx);
    // Re-read under the customer's lock: a concurrent void may have just finished.
    const invoice = (await this.invoiceDiscounts.findById(found.id, tx))!;
    if (invoice.status === 'voided') return success(storedView(await this.invoiceDiscounts.stored(invoice, tx)));

    const now = new Date();
    for (const credit of await this.invoiceDiscounts.standingCredits(invoice.id, tx)) {
      const { applied, coupon } = await this.invoiceDiscounts.appliedCouponWithCoupon(credit.appliedCouponId, tx);
      const reactivate = credit.exhaustedCoupon && applied.status === 'terminated' && coupon.status === 'active' && coupon.deletedAt === null;
      await this.invoiceDiscounts.updateAppliedCoupon(
        applied.id,
        {
          amountCentsRemaining: applied.amountCentsRemaining === null ? null : applied.amountCentsRemaining + credit.amountCents,
          frequencyDurationRemaining:
            credit.usedPeriod && applied.frequencyDurationRemaining !== null ? applied.frequencyDurationRemaining + 1 : applied.frequencyDurationRemaining,
          ...(reactivate ? { status: 'active' as const, terminatedAt: null } : {}),
        },
        tx,
      );
      await this.invoiceDiscounts.voidCredit(credit.id, now, tx);
    }
    await this.invoiceDiscounts.markVoided(invoice.id, now, tx);
    invoice.status = 'voided';
    const view = storedView(await this.invoiceDiscounts.stored(invoice, tx));
    const data = { invoice_discount: serializeInvoiceDiscount(view) };
    await this.events.record(tx, { ...originOf(organization), type: 'invoice_discount.voided', objectId: invoice.lagoId, data });
    return success(view);
  }
}
