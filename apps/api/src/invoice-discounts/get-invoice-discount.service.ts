import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import { InvoiceDiscountView } from './invoice-discount.serializer';
import { InvoiceDiscountsRepository } from './invoice-discounts.repository';
import { storedView } from './stored-invoice-discount';

/** GET /invoice_discounts/:external_invoice_id: a recorded discount as it was computed (and whether it was voided). */
@Injectable()
export class GetInvoiceDiscountService {
  constructor(private readonly invoiceDiscounts: InvoiceDiscountsRepository) {}

  async call(organization: Organization, externalInvoiceId: string): Promise<Result<InvoiceDiscountView>> {
    const invoice = await this.invoiceDiscounts.findByExternalInvoiceId(organization.id, externalInvoiceId);
    if (!invoice) return notFound('invoice_discount_not_found');
    return success(storedView(await this.invoiceDiscounts.stored(invoice)));
  }
}
