import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { computeInvoiceDiscount, parseInvoiceInput } from '@coupons/domain';
import { hasErrors, invalid, Result, success } from '../common/result';
import { CustomersService } from '../catalog/customers.service';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { loadDiscountInputs } from './discount-inputs';
import { InvoiceDiscountView } from './invoice-discount.serializer';

/** POST /invoice_discounts/preview: the same computation as a commit, with no write at all. */
@Injectable()
export class PreviewInvoiceDiscountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<InvoiceDiscountView>> {
    const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: false });
    if (hasErrors(errors)) return invalid(errors);
    const found = await this.customers.find(organization.id, invoice.externalCustomerId);
    if (!found.ok) return found;
    const customer = found.value;
    const { coupons } = await loadDiscountInputs(this.dataSource.manager, customer.id);
    const result = computeInvoiceDiscount(invoice, coupons);
    return success({
      lagoId: null,
      externalInvoiceId: invoice.externalInvoiceId,
      externalCustomerId: customer.externalId,
      currency: invoice.currency,
      status: 'preview',
      feesAmountCents: result.feesAmountCents,
      couponsAmountCents: result.couponsAmountCents,
      fees: result.fees,
      credits: result.credits.map((credit) => ({ ...credit, appliedCouponLagoId: credit.appliedCouponId })),
      createdAt: null,
    });
  }
}
