import { Module } from '@nestjs/common';
import { CommitInvoiceDiscountService } from './commit-invoice-discount.service';
import { InvoiceDiscountsController } from './invoice-discounts.controller';
import { PreviewInvoiceDiscountService } from './preview-invoice-discount.service';
import { VoidInvoiceDiscountService } from './void-invoice-discount.service';

@Module({
  controllers: [InvoiceDiscountsController],
  providers: [PreviewInvoiceDiscountService, CommitInvoiceDiscountService, VoidInvoiceDiscountService],
  exports: [PreviewInvoiceDiscountService, CommitInvoiceDiscountService],
})
export class InvoiceDiscountsModule {}
