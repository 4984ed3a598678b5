import { Body, Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { CommitInvoiceDiscountService } from './commit-invoice-discount.service';
import { GetInvoiceDiscountService } from './get-invoice-discount.service';
import { invoiceDiscountResponse, invoiceInputSchema } from './invoice-discount.openapi';
import { serializeInvoiceDiscount } from './invoice-discount.serializer';
import { PreviewInvoiceDiscountService } from './preview-invoice-discount.service';
import { VoidInvoiceDiscountService } from './void-invoice-discount.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

/** The discount engine for billing systems that keep their own invoices: preview, commit, read, void. */
@ApiTags('invoice discounts')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/invoice_discounts')
export class InvoiceDiscountsController {
  constructor(
    private readonly preview: PreviewInvoiceDiscountService,
    private readonly commit: CommitInvoiceDiscountService,
    private readonly getDiscount: GetInvoiceDiscountService,
    private readonly voidDiscount: VoidInvoiceDiscountService,
  ) {}

  // Writes nothing: a viewer may ask it, as a GET.
  @RequiresPermission('read')
  @IdempotentPost('preview')
  @ApiOperation({ summary: "Compute the coupons' credits on an invoice without recording anything" })
  @ApiOkResponse({ schema: invoiceDiscountResponse })
  @ApiBody({ schema: invoiceInputSchema })
  async previewDiscount(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.preview.call(organization, rootObject(body, 'invoice')))) };
  }

  @IdempotentPost()
  @ApiOperation({ summary: 'Compute and record the credits (idempotent per external_invoice_id)' })
  @ApiOkResponse({ schema: invoiceDiscountResponse })
  @ApiBody({ schema: invoiceInputSchema })
  async commitDiscount(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.commit.call(organization, rootObject(body, 'invoice')))) };
  }

  @Get(':external_invoice_id')
  @ApiOperation({ summary: 'Retrieve a recorded invoice discount' })
  @ApiOkResponse({ schema: invoiceDiscountResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('external_invoice_id') externalInvoiceId: string) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.getDiscount.call(organization, externalInvoiceId))) };
  }

  @IdempotentPost(':external_invoice_id/void')
  @ApiOperation({ summary: 'Void: give the credits back to the applied coupons (idempotent)' })
  @ApiOkResponse({ schema: invoiceDiscountResponse })
  async void(@CurrentOrganization() organization: Organization, @Param('external_invoice_id') externalInvoiceId: string) {
    return { invoice_discount: serializeInvoiceDiscount(unwrap(await this.voidDiscount.call(organization, externalInvoiceId))) };
  }
}
