import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { computeInvoiceDiscount, parseInvoiceInput } from '@coupons/domain';
import { hasErrors, invalid, notFound, Result, success } from '../common/result';
import { CustomerEntity } from '../database/entities';
import { hydrate, preparedQuery } from '../database/prepared';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/api-keys.service';
import { loadDiscountInputs } from './discount-inputs';
import { InvoiceDiscountView } from './invoice-discount.serializer';

/** POST /invoice_discounts/preview: the same computation as a commit, with no write at all. */
@Injectable()
export class PreviewInvoiceDiscountService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<InvoiceDiscountView>> {
    const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: false });
    if (hasErrors(errors)) return invalid(errors);
    const [row] = await preparedQuery(this.dataSource, 'SELECT * FROM customers WHERE organization_id = ? AND external_id = ?', [
      organization.id,
      invoice.externalCustomerId,
    ]);
    const customer = row ? hydrate(this.dataSource, CustomerEntity, row) : null;
    if (!customer) return notFound('customer_not_found');
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
