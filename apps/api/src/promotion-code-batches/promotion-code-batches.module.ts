import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { CreatePromotionCodeBatchService } from './create-promotion-code-batch.service';
import { PromotionCodeBatchGenerator } from './promotion-code-batch-generator';
import { PromotionCodeBatchResumer } from './promotion-code-batch-resumer';
import { PromotionCodeBatchesController } from './promotion-code-batches.controller';
import { PromotionCodeBatchesRepository } from './promotion-code-batches.repository';
import { PromotionCodeBatchesService } from './promotion-code-batches.service';

@Module({})
export class PromotionCodeBatchesModule {
  /**
   * `resumeUnfinished`: API processes take up the batches left unfinished (at boot, then every few
   * seconds); the CLI generates only the batch it creates.
   */
  static forRoot({ resumeUnfinished }: { resumeUnfinished: boolean }): DynamicModule {
    return {
      module: PromotionCodeBatchesModule,
      // Global, so that the CLI's commands can use the same services.
      global: true,
      imports: [CouponsModule, CatalogModule],
      controllers: [PromotionCodeBatchesController],
      providers: [
        PromotionCodeBatchesRepository,
        CreatePromotionCodeBatchService,
        PromotionCodeBatchesService,
        PromotionCodeBatchGenerator,
        ...(resumeUnfinished ? [PromotionCodeBatchResumer] : []),
      ],
      exports: [CreatePromotionCodeBatchService, PromotionCodeBatchesService, PromotionCodeBatchGenerator],
    };
  }
}
