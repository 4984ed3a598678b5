import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PromotionCodeBatchGenerator } from './promotion-code-batch-generator';
import { PromotionCodeBatchesRepository } from './promotion-code-batches.repository';

/** How often an API process looks for batches nobody is generating (a crashed process's, after its lease lapses). */
const RECHECK_MS = 10_000;

/**
 * In every API process, independently of the scheduler: at boot and then every few seconds, takes up the
 * unfinished batches. An idle process takes one at a time, so that several processes share the work.
 */
@Injectable()
export class PromotionCodeBatchResumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PromotionCodeBatchResumer.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly batches: PromotionCodeBatchesRepository,
    private readonly generator: PromotionCodeBatchGenerator,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resume(), RECHECK_MS);
    this.timer.unref();
    void this.resume();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async resume(): Promise<void> {
    if (this.generator.activeCount > 0) return;
    try {
      for (const batchId of await this.batches.unfinishedIds()) {
        if (await this.generator.startIfFree(batchId)) return;
      }
    } catch (error) {
      this.logger.error(`looking for unfinished promotion code batches failed: ${(error as Error).message}`);
    }
  }
}
