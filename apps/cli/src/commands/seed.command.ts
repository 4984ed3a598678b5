import { Command, CommandRunner, Option } from 'nest-commander';
import { SingleBar, Presets } from 'cli-progress';
import { SeedService } from './seed.service';

interface SeedOptions {
  organization?: string;
  coupons: number;
}

@Command({ name: 'seed', description: 'Fill an organization (created if needed) with demo plans, metrics, customers and coupons' })
export class SeedCommand extends CommandRunner {
  constructor(private readonly seed: SeedService) {
    super();
  }

  async run(_params: string[], options: SeedOptions): Promise<void> {
    if (!options.organization?.trim()) throw new Error('--organization <name> is required');
    const organization = await this.seed.seedCatalog(options.organization.trim());
    const bar = new SingleBar({ stream: process.stderr, format: 'coupons [{bar}] {percentage}% | {value}/{total} | {duration}s' }, Presets.shades_classic);
    bar.start(options.coupons, 0);
    const started = Date.now();
    await this.seed.seedCoupons(organization, options.coupons, (done) => bar.update(done));
    bar.stop();
    process.stderr.write(`Seeded "${organization.name}" with ${options.coupons} coupons in ${((Date.now() - started) / 1000).toFixed(1)}s.\n`);
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name', required: true })
  parseOrganization(value: string): string {
    return value;
  }

  @Option({ flags: '-c, --coupons <count>', description: 'how many coupons (default 50)', defaultValue: 50 })
  parseCoupons(value: string): number {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 0) throw new Error('--coupons must be a non-negative integer');
    return count;
  }
}
