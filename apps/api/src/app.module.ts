import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { runMigrationsLocked } from './database/run-migrations';
import { StatementRunner } from './database/statement-batch';
import { TransactionRunner } from './database/transactions';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CouponsModule } from './coupons/coupons.module';
import { createDataSource, dataSourceOptions } from './database/data-source-options';
import { OrganizationsModule } from './organizations/organizations.module';
import { CatalogModule } from './catalog/catalog.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { AppliedCouponsModule } from './applied-coupons/applied-coupons.module';
import { InvoiceDiscountsModule } from './invoice-discounts/invoice-discounts.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { PromotionCodeBatchesModule } from './promotion-code-batches/promotion-code-batches.module';
import { PromotionCodesModule } from './promotion-codes/promotion-codes.module';
import { HyperlineModule } from './dialects/hyperline/hyperline.module';
import { FlexpriceModule } from './dialects/flexprice/flexprice.module';
import { StripeModule } from './dialects/stripe/stripe.module';
import { EventsModule } from './events/events.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ObservabilityModule } from './observability/observability.module';
import { WebModule } from './web/web.module';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { http: boolean } = { http: true }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), retryAttempts: 3, retryDelay: 1000 }),
          dataSourceFactory: async (options) => {
            const dataSource = await createDataSource(options!).initialize();
            if (dataSource.options.type === 'mysql') await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
        ...(config.schedulerEnabled && options.http ? [ScheduleModule.forRoot()] : []),
        EventsModule,
        OrganizationsModule,
        UsersModule,
        CatalogModule,
        CouponsModule,
        AppliedCouponsModule,
        InvoiceDiscountsModule,
        AnalyticsModule,
        PromotionCodeBatchesModule.forRoot({ resumeUnfinished: options.http }),
        PromotionCodesModule,
        StripeModule,
        WebhooksModule.forRoot({ deliver: options.http && config.webhooks.workersEnabled }),
        HyperlineModule,
        FlexpriceModule,
        IdempotencyModule,
        // The SPA fallback route must come last.
        ...(options.http ? [ObservabilityModule, WebModule] : []),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, TransactionRunner, StatementRunner],
      // Re-exported so that the CLI's commands can use the same services.
      exports: [APP_CONFIG, TransactionRunner, StatementRunner, OrganizationsModule, CatalogModule, CouponsModule, AppliedCouponsModule],
    };
  }
}
