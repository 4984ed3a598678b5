import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { CouponEntity } from '../database/entities';
import { JobLocksService } from './job-locks.service';

/** Terminates coupons whose expiration_at has passed. Applies check the instant themselves; this is the record. */
@Injectable()
export class ExpireCouponsService {
  private readonly logger = new Logger(ExpireCouponsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locks: JobLocksService,
  ) {}

  /** Returns how many coupons this call terminated. The conditional update terminates each one once. */
  async call(now: Date = new Date()): Promise<number> {
    const result = await this.dataSource
      .getRepository(CouponEntity)
      .update({ status: 'active', expirationAt: LessThanOrEqual(now) }, { status: 'terminated', terminatedAt: now });
    return result.affected ?? 0;
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'expire-coupons', disabled: process.env.SCHEDULER === 'off' })
  async sweep(): Promise<void> {
    try {
      // Several API processes share the database; one of them sweeps per minute.
      if (!(await this.locks.acquire('expire-coupons', 50_000))) return;
      const count = await this.call();
      if (count > 0) this.logger.log(`terminated ${count} expired coupon(s)`);
    } catch (error) {
      this.logger.error(`expiry sweep failed: ${(error as Error).message}`);
    }
  }
}
