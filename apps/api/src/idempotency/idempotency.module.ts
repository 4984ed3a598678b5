import { Global, Module } from '@nestjs/common';
import { IdempotencyGuard } from './idempotency.guard';
import { IdempotencyService } from './idempotency.service';

/** Global so that every feature module's POST routes can use the guard (see IdempotentPost). */
@Global()
@Module({
  providers: [IdempotencyService, IdempotencyGuard],
  exports: [IdempotencyService, IdempotencyGuard],
})
export class IdempotencyModule {}
