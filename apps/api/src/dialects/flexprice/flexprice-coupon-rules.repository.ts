import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { FlexpriceCouponRulesEntity } from '../../database/entities';
import type { Transaction } from '../../database/transactions';
import type { FlexpriceRules } from './flexprice-coupon.parser';

/** Every statement on `flexprice_coupon_rules`. */
@Injectable()
export class FlexpriceCouponRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(couponId: number, rules: FlexpriceRules, transaction: Transaction): Promise<void> {
    await transaction.getRepository(FlexpriceCouponRulesEntity).insert({ couponId, rules });
  }

  /** By coupon id; coupons without rules are absent. */
  async rulesOf(couponIds: number[]): Promise<Map<number, FlexpriceRules>> {
    if (couponIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(FlexpriceCouponRulesEntity).findBy({ couponId: In(couponIds) });
    return new Map(rows.map((row) => [row.couponId, row.rules as FlexpriceRules]));
  }
}
