import { Module } from '@nestjs/common';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponTargetsService } from './coupon-targets.service';
import { CouponsController } from './coupons.controller';
import { CouponsQuery } from './coupons.query';
import { ListCountCache } from './list-count-cache';
import { CreateCouponService } from './create-coupon.service';
import { DeleteCouponService } from './delete-coupon.service';
import { ExpireCouponsService } from './expire-coupons.service';
import { JobLocksService } from './job-locks.service';
import { TerminateCouponService } from './terminate-coupon.service';
import { UpdateCouponService } from './update-coupon.service';

@Module({
  controllers: [CouponsController],
  providers: [
    CouponLookupService,
    CouponTargetsService,
    CouponsQuery,
    ListCountCache,
    CreateCouponService,
    UpdateCouponService,
    DeleteCouponService,
    TerminateCouponService,
    ExpireCouponsService,
    JobLocksService,
  ],
  exports: [CouponLookupService, CreateCouponService, ExpireCouponsService, JobLocksService],
})
export class CouponsModule {}
