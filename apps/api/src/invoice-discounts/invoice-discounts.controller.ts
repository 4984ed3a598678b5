import { Body, Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/result';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { CommitInvoiceDiscountService } from './commit-invoice-discount.service';
import { serializeInvoiceDiscount } from './invoice-discount.serializer';
import { PreviewInvoiceDiscountService } from './preview-invoice-discount.service';
import { findInvoiceDiscount, storedView } from './stored-invoice-discount';
import { VoidInvoiceDiscountService } from './void-invoice-discount.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

const invoiceSchema = {
  type: 'object',
  properties: {
    invoice: {
      type: 'object',
      required: ['external_customer_id', 'currency', 'fees'],
      properties: {
        external_invoice_id: { type: 'string', description: 'Mandatory to commit; optional for a preview' },
        external_customer_id: { type: 'string' },
        currency: { type: 'string', example: 'EUR' },
        fees: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['id', 'amount_cents'],
            properties: {
              id: { type: 'string' },
              amount_cents: { type: 'integer', minimum: 0 },
              plan_code: { type: 'string' },
              billable_metric_code: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/** The discount engine for billing systems that keep their own invoices (CONTRACT §7). */
@ApiTags('invoice discounts')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/invoice_discounts')
export class InvoiceDiscountsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preview: PreviewInvoiceDiscountService,
    private readonly commit: CommitInvoiceDiscountService,
    private readonly voidDiscount: VoidInvoiceDiscountService,
  ) {}

  @IdempotentPost('preview')
  @ApiOperation({ summary: "Compute the coupons' credits on an invoice without recording anything" })
  @ApiBody({ schema: invoiceSchema })
  async previewDiscount(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.preview.call(organization, rootObject(body, 'invoice')))) };
  }

  @IdempotentPost()
  @ApiOperation({ summary: 'Compute and record the credits (idempotent per external_invoice_id)' })
  @ApiBody({ schema: invoiceSchema })
  async commitDiscount(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.commit.call(organization, rootObject(body, 'invoice')))) };
  }

  @Get(':external_invoice_id')
  @ApiOperation({ summary: 'Retrieve a recorded invoice discount' })
  async show(@CurrentOrganization() organization: Organization, @Param('external_invoice_id') externalInvoiceId: string) {
    const invoice = await findInvoiceDiscount(this.dataSource.manager, organization.id, externalInvoiceId);
    if (!invoice) unwrap(notFound('invoice_discount_not_found'));
    return { invoice_discount: serializeInvoiceDiscount(await storedView(this.dataSource.manager, invoice!)) };
  }

  @IdempotentPost(':external_invoice_id/void')
  @ApiOperation({ summary: 'Void: give the credits back to the applied coupons (idempotent)' })
  async void(@CurrentOrganization() organization: Organization, @Param('external_invoice_id') externalInvoiceId: string) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.voidDiscount.call(organization, externalInvoiceId))) };
  }
}
