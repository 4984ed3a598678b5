import { DynamicModule, Module } from '@nestjs/common';
import { AppModule } from '#api/app.module';
import type { AppConfig } from '#api/config/app-config';
import { ApiKeysCreateCommand, ApiKeysRevokeCommand } from './commands/api-keys.command';
import { AppliedCouponsListCommand } from './commands/applied-coupons-list.command';
import { ApplyCouponCommand } from './commands/apply-coupon.command';
import { OrganizationLookupService } from './commands/organization-lookup.service';
import { PromotionCodesGenerateCommand } from './commands/promotion-codes-generate.command';
import { SeedCommand } from './commands/seed.command';
import { SeedService } from './commands/seed.service';
import { TerminateExpiredCommand } from './commands/terminate-expired.command';
import { UsersCreateCommand } from './commands/users-create.command';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppModule.forRoot(config, { http: false })],
      providers: [
        ApiKeysCreateCommand, ApiKeysRevokeCommand, SeedCommand, SeedService, TerminateExpiredCommand,
        ApplyCouponCommand, AppliedCouponsListCommand, OrganizationLookupService, PromotionCodesGenerateCommand,
        UsersCreateCommand,
      ],
    };
  }
}
