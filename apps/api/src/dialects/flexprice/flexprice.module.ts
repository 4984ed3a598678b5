import { Module } from '@nestjs/common';
import { CouponsModule } from '../../coupons/coupons.module';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { FlexpriceApiKeyGuard } from './flexprice-api-key.guard';
import { FlexpriceCouponRulesRepository } from './flexprice-coupon-rules.repository';
import { FlexpriceCouponsController } from './flexprice-coupons.controller';
import { FlexpriceCouponsService } from './flexprice-coupons.service';

/** Flexprice's coupon API at /flexprice/v1, over the shared coupon use cases. */
@Module({
  imports: [CouponsModule, OrganizationsModule],
  controllers: [FlexpriceCouponsController],
  providers: [FlexpriceApiKeyGuard, FlexpriceCouponsService, FlexpriceCouponRulesRepository],
})
export class FlexpriceModule {}
