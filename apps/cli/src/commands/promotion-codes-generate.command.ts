import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { Presets, SingleBar } from 'cli-progress';
import { failureBody } from '#api/http/error-body';
import { CreatePromotionCodeBatchService } from '#api/promotion-code-batches/create-promotion-code-batch.service';
import { PromotionCodeBatchGenerator } from '#api/promotion-code-batches/promotion-code-batch-generator';
import { serializePromotionCodeBatch } from '#api/promotion-code-batches/promotion-code-batch.serializer';
import { PromotionCodeBatchesService } from '#api/promotion-code-batches/promotion-code-batches.service';
import { OrganizationLookupService } from './organization-lookup.service';

interface GenerateOptions {
  organization?: string;
  coupon: string;
  count: number | string;
  prefix?: string;
  length?: number | string;
  out?: string;
}

/** How often the bar follows a batch that an API process took up before this command could. */
const FOLLOW_INTERVAL_MS = 500;

/** Digits become a number; anything else goes to the API's validation as it is, to be reported on its field. */
const integerOrRaw = (value: string): number | string => (/^-?\d{1,16}$/.test(value) ? Number(value) : value);

@Command({
  name: 'promotion-codes:generate',
  description: 'Generate a batch of unique promotion codes of a coupon (same rules as the API), with a progress bar; ' +
    'prints the batch as JSON and writes its codes as CSV to --out',
})
export class PromotionCodesGenerateCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationLookupService,
    private readonly createBatch: CreatePromotionCodeBatchService,
    private readonly generator: PromotionCodeBatchGenerator,
    private readonly batches: PromotionCodeBatchesService,
  ) {
    super();
  }

  async run(_params: string[], options: GenerateOptions): Promise<void> {
    const organization = await this.organizations.find(options.organization);
    const input = {
      coupon_code: options.coupon,
      count: options.count,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      ...(options.length === undefined ? {} : { length: options.length }),
    };
    const created = await this.createBatch.call(organization, input);
    // The API's own error body, so scripts can match the same codes as HTTP clients.
    if (!created.ok) throw new Error(`Cannot generate codes of ${options.coupon}: ${JSON.stringify(failureBody(created.failure))}`);
    const { batch } = created.value;

    const started = Date.now();
    const bar = new SingleBar({ stream: process.stderr, format: 'codes [{bar}] {percentage}% | {value}/{total} | {duration}s' }, Presets.shades_classic);
    bar.start(batch.count, 0);
    const generated = await this.generator.generate(batch.id, (done) => bar.update(done));
    if (!generated) await this.follow(organization.id, batch.lagoId, (done) => bar.update(done));
    bar.stop();

    const record = await this.batches.find(organization.id, batch.lagoId);
    if (!record.ok) throw new Error(`Batch ${batch.lagoId} disappeared`);
    const final = record.value.batch;
    if (final.status !== 'completed') throw new Error(`Batch ${batch.lagoId} ${final.status} after ${final.generatedCount} of ${final.count} codes`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (options.out) {
      await pipeline(this.batches.exportCsv(final.id), createWriteStream(options.out));
      process.stderr.write(`Generated ${final.count} codes of ${options.coupon} in ${seconds}s; written to ${options.out}.\n`);
    } else {
      process.stderr.write(`Generated ${final.count} codes of ${options.coupon} in ${seconds}s (batch ${final.lagoId}; --out <file.csv> to export them).\n`);
    }
    process.stdout.write(`${JSON.stringify(serializePromotionCodeBatch(record.value), null, 2)}\n`);
  }

  /** An API process took the batch up first: its progress is followed until it is done. */
  private async follow(organizationId: number, lagoId: string, onProgress: (generated: number) => void): Promise<void> {
    for (;;) {
      const record = await this.batches.find(organizationId, lagoId);
      if (!record.ok) return;
      onProgress(record.value.batch.generatedCount);
      if (record.value.batch.status === 'completed' || record.value.batch.status === 'failed') return;
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS));
    }
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name (optional when there is only one)' })
  parseOrganization(value: string): string {
    return value;
  }

  @Option({ flags: '--coupon <code>', description: 'the coupon the codes redeem', required: true })
  parseCoupon(value: string): string {
    return value;
  }

  @Option({ flags: '-n, --count <count>', description: 'how many codes (1 to 1000000, at most 1 % of 31^length)', required: true })
  parseCount(value: string): number | string {
    return integerOrRaw(value);
  }

  @Option({ flags: '--prefix <prefix>', description: 'the start of every code (up to 20 of A-Z a-z 0-9 -)' })
  parsePrefix(value: string): string {
    return value;
  }

  @Option({ flags: '--length <length>', description: 'symbols of the random part (4 to 32, default 10)' })
  parseLength(value: string): number | string {
    return integerOrRaw(value);
  }

  @Option({ flags: '--out <file.csv>', description: 'write the codes there as CSV' })
  parseOut(value: string): string {
    return value;
  }
}
