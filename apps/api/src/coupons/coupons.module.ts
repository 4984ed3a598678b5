import { Module } from '@nestjs/common';
import { CouponListRepository } from './coupon-list.repository';
import { CouponTargetsRepository } from './coupon-targets.repository';
import { CouponTargetsService } from './coupon-targets.service';
import { CouponsController } from './coupons.controller';
import { CouponsQuery } from './coupons.query';
import { CouponsWindowQuery } from './coupons-window.query';
import { CouponsRepository } from './coupons.repository';
import { CreateCouponService } from './create-coupon.service';
import { DeleteCouponService } from './delete-coupon.service';
import { ExpireCouponsService } from './expire-coupons.service';
import { GetCouponService } from './get-coupon.service';
import { GetCouponByLagoIdService } from './get-coupon-by-lago-id.service';
import { CouponSearchRepository } from './coupon-search.repository';
import { SearchCouponsService } from './search-coupons.service';
import { JobLocksRepository } from './job-locks.repository';
import { TerminateCouponService } from './terminate-coupon.service';
import { UpdateCouponService } from './update-coupon.service';

@Module({
  controllers: [CouponsController],
  providers: [
    CouponsRepository,
    CouponTargetsRepository,
    CouponListRepository,
    JobLocksRepository,
    CouponTargetsService,
    CouponsQuery,
    CouponsWindowQuery,
    GetCouponService,
    GetCouponByLagoIdService,
    CouponSearchRepository,
    SearchCouponsService,
    CreateCouponService,
    UpdateCouponService,
    DeleteCouponService,
    TerminateCouponService,
    ExpireCouponsService,
  ],
  exports: [
    CouponsRepository, CouponTargetsRepository, JobLocksRepository, CreateCouponService, ExpireCouponsService,
    DeleteCouponService, CouponsWindowQuery, GetCouponByLagoIdService,
    UpdateCouponService, SearchCouponsService, GetCouponService,
  ],
})
export class CouponsModule {}
