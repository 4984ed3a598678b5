import { Module } from '@nestjs/common';
import { CouponsModule } from '../../coupons/coupons.module';
import { HyperlineCouponsController } from './hyperline-coupons.controller';

/** Hyperline's coupon API at /hyperline/v1/coupons: a parser, a serializer and an error shape over the coupon use cases. */
@Module({
  imports: [CouponsModule],
  controllers: [HyperlineCouponsController],
})
export class HyperlineModule {}
