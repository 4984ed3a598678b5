import { Module } from '@nestjs/common';
import { AppliedCouponsModule } from '../applied-coupons/applied-coupons.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { CommitInvoiceDiscountService } from './commit-invoice-discount.service';
import { DiscountInputsLoader } from './discount-inputs';
import { GetInvoiceDiscountService } from './get-invoice-discount.service';
import { InvoiceDiscountsController } from './invoice-discounts.controller';
import { InvoiceDiscountsRepository } from './invoice-discounts.repository';
import { PreviewInvoiceDiscountService } from './preview-invoice-discount.service';
import { VoidInvoiceDiscountService } from './void-invoice-discount.service';

@Module({
  imports: [CatalogModule, CouponsModule, AppliedCouponsModule],
  controllers: [InvoiceDiscountsController],
  providers: [
    InvoiceDiscountsRepository,
    DiscountInputsLoader,
    PreviewInvoiceDiscountService,
    CommitInvoiceDiscountService,
    GetInvoiceDiscountService,
    VoidInvoiceDiscountService,
  ],
  exports: [PreviewInvoiceDiscountService, CommitInvoiceDiscountService, InvoiceDiscountsRepository],
})
export class InvoiceDiscountsModule {}
