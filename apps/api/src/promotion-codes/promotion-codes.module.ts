import { Module } from '@nestjs/common';
import { AppliedCouponsModule } from '../applied-coupons/applied-coupons.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { InvoiceDiscountsModule } from '../invoice-discounts/invoice-discounts.module';
import { CreatePromotionCodeService } from './create-promotion-code.service';
import { GetPromotionCodeService } from './get-promotion-code.service';
import { PromotionCodesController } from './promotion-codes.controller';
import { PromotionCodesQuery } from './promotion-codes.query';
import { UpdatePromotionCodeService } from './update-promotion-code.service';
import { ValidatePromotionCodeService } from './validate-promotion-code.service';

/** The repository and the apply's checks come from AppliedCouponsModule, which redeems codes; the preview from InvoiceDiscountsModule. */
@Module({
  imports: [AppliedCouponsModule, InvoiceDiscountsModule, CouponsModule, CatalogModule],
  controllers: [PromotionCodesController],
  providers: [CreatePromotionCodeService, UpdatePromotionCodeService, GetPromotionCodeService, PromotionCodesQuery, ValidatePromotionCodeService],
  exports: [CreatePromotionCodeService, UpdatePromotionCodeService, GetPromotionCodeService],
})
export class PromotionCodesModule {}
