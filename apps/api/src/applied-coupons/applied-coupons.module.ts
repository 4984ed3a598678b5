import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { PromotionCodesRepository } from '../promotion-codes/promotion-codes.repository';
import { AppliedCouponsController } from './applied-coupons.controller';
import { AppliedCouponsQuery } from './applied-coupons.query';
import { AppliedCouponsRepository } from './applied-coupons.repository';
import { ApplyCouponService } from './apply-coupon.service';
import { RedemptionChecks } from './redemption-checks';
import { TerminateAppliedCouponService } from './terminate-applied-coupon.service';

@Module({
  imports: [CatalogModule, CouponsModule],
  controllers: [AppliedCouponsController],
  providers: [
    AppliedCouponsRepository,
    // Provided here, where applies redeem codes, and exported to the promotion-codes module (which imports this one).
    PromotionCodesRepository,
    RedemptionChecks,
    ApplyCouponService,
    TerminateAppliedCouponService,
    AppliedCouponsQuery,
  ],
  exports: [ApplyCouponService, AppliedCouponsQuery, RedemptionChecks, PromotionCodesRepository, AppliedCouponsRepository],
})
export class AppliedCouponsModule {}
