import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { AppliedCouponsController } from './applied-coupons.controller';
import { AppliedCouponsQuery } from './applied-coupons.query';
import { ApplyCouponService } from './apply-coupon.service';
import { TerminateAppliedCouponService } from './terminate-applied-coupon.service';

@Module({
  imports: [CatalogModule, CouponsModule],
  controllers: [AppliedCouponsController],
  providers: [ApplyCouponService, TerminateAppliedCouponService, AppliedCouponsQuery],
  exports: [ApplyCouponService, AppliedCouponsQuery],
})
export class AppliedCouponsModule {}
