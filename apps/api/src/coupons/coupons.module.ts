import { Module } from '@nestjs/common';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponTargetsService } from './coupon-targets.service';
import { CouponsController } from './coupons.controller';
import { CouponsQuery } from './coupons.query';
import { CouponListPages } from './coupon-list-pages';
import { CouponListStatsReader } from './coupon-list-stats';
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
    CouponListStatsReader,
    CouponListPages,
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
