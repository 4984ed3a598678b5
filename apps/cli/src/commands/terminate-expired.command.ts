import { Command, CommandRunner } from 'nest-commander';
import { ExpireCouponsService } from '#api/coupons/expire-coupons.service';
import { cliActor } from '#api/organizations/organization';

@Command({ name: 'coupons:terminate-expired', description: 'Terminate every coupon whose expiration_at has passed' })
export class TerminateExpiredCommand extends CommandRunner {
  constructor(private readonly expireCoupons: ExpireCouponsService) {
    super();
  }

  async run(): Promise<void> {
    const count = await this.expireCoupons.call(new Date(), cliActor('coupons:terminate-expired'));
    process.stdout.write(`${count}\n`);
    process.stderr.write(`Terminated ${count} expired coupon(s).\n`);
  }
}
