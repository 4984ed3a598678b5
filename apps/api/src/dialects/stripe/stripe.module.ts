import { Module } from '@nestjs/common';
import { CouponCursorPageQuery } from '../../coupons/coupon-cursor-page.query';
import { CouponsModule } from '../../coupons/coupons.module';
import { AppliedCouponsModule } from '../../applied-coupons/applied-coupons.module';
import { PromotionCodeCursorPageQuery } from '../../promotion-codes/promotion-code-cursor-page.query';
import { PromotionCodesModule } from '../../promotion-codes/promotion-codes.module';
import { PromotionCodeCouponsService } from './promotion-code-coupons.service';
import { StripeCouponsController } from './stripe-coupons.controller';
import { StripeIdempotencyGuard } from './stripe-idempotent-post';
import { StripePromotionCodesController } from './stripe-promotion-codes.controller';

/**
 * Stripe's dialect at `/v1/coupons` and `/v1/promotion_codes`: parse Stripe's parameters, call the same use
 * cases as Lago's routes, answer with Stripe's objects and errors. The promotion-code repository comes
 * from AppliedCouponsModule, which provides it.
 */
@Module({
  imports: [CouponsModule, PromotionCodesModule, AppliedCouponsModule],
  controllers: [StripeCouponsController, StripePromotionCodesController],
  providers: [CouponCursorPageQuery, PromotionCodeCursorPageQuery, PromotionCodeCouponsService, StripeIdempotencyGuard],
})
export class StripeModule {}
