import { Injectable } from '@nestjs/common';
import { computeInvoiceDiscount, hasErrors, InvoiceInput, parseInvoiceInput } from '@coupons/domain';
import { CustomersRepository } from '../catalog/customers.repository';
import { invalid, notFound, Result, success } from '../common/result';
import type { CustomerEntity } from '../database/entities';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { DiscountInputsLoader } from './discount-inputs';
import { InvoiceDiscountView } from './invoice-discount.serializer';
import type { ActiveAppliedCoupon } from './invoice-discounts.repository';

/** POST /invoice_discounts/preview: the same computation as a commit, with no write at all. */
@Injectable()
export class PreviewInvoiceDiscountService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly discountInputs: DiscountInputsLoader,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<InvoiceDiscountView>> {
    const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: false });
    if (hasErrors(errors)) return invalid(errors);
    const customer = await this.customers.findByExternalId(organization.id, invoice.externalCustomerId);
    if (!customer) return notFound('customer_not_found');
    return success(await this.compute(customer, invoice));
  }

  /**
   * The preview of `invoice` for `customer`; with `hypothetical`, as if that applied coupon had been applied
   * just now (its credit, not being recorded, has no applied-coupon id). `active`: the customer's active applied
   * coupons, when the caller read them already.
   */
  async compute(customer: CustomerEntity, invoice: InvoiceInput, hypothetical?: ActiveAppliedCoupon, active?: ActiveAppliedCoupon[]): Promise<InvoiceDiscountView> {
    const { coupons } = await this.discountInputs.load(customer.id, undefined, hypothetical, active);
    const result = computeInvoiceDiscount(invoice, coupons);
    const hypotheticalId = hypothetical?.applied.lagoId;
    return {
      lagoId: null,
      externalInvoiceId: invoice.externalInvoiceId,
      externalCustomerId: customer.externalId,
      currency: invoice.currency,
      status: 'preview',
      feesAmountCents: result.feesAmountCents,
      couponsAmountCents: result.couponsAmountCents,
      fees: result.fees,
      credits: result.credits.map((credit) => ({
        ...credit,
        appliedCouponLagoId: credit.appliedCouponId === hypotheticalId ? null : credit.appliedCouponId,
      })),
      createdAt: null,
    };
  }
}
