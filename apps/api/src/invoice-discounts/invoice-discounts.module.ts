import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommitInvoiceDiscountService } from './commit-invoice-discount.service';
import { InvoiceDiscountsController } from './invoice-discounts.controller';
import { PreviewInvoiceDiscountService } from './preview-invoice-discount.service';
import { VoidInvoiceDiscountService } from './void-invoice-discount.service';

@Module({
  imports: [CatalogModule],
  controllers: [InvoiceDiscountsController],
  providers: [PreviewInvoiceDiscountService, CommitInvoiceDiscountService, VoidInvoiceDiscountService],
  exports: [PreviewInvoiceDiscountService, CommitInvoiceDiscountService],
})
export class InvoiceDiscountsModule {}
