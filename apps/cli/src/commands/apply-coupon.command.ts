import { Command, CommandRunner, Option } from 'nest-commander';
import { serializeAppliedCoupon } from '#api/applied-coupons/applied-coupon.serializer';
import { ApplyCouponService } from '#api/applied-coupons/apply-coupon.service';
import { failureBody } from '#api/http/error-body';
import { actingAs, cliActor } from '#api/organizations/organization';
import { OrganizationLookupService } from './organization-lookup.service';

interface ApplyOptions {
  customer: string;
  coupon: string;
  organization?: string;
}

@Command({
  name: 'coupons:apply',
  description: "Apply a coupon to a customer with the coupon's own terms; prints the applied coupon as JSON",
})
export class ApplyCouponCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationLookupService,
    private readonly applyCoupon: ApplyCouponService,
  ) {
    super();
  }

  async run(_params: string[], options: ApplyOptions): Promise<void> {
    const organization = actingAs(await this.organizations.find(options.organization), cliActor('coupons:apply'));
    const result = await this.applyCoupon.call(organization, { external_customer_id: options.customer, coupon_code: options.coupon });
    if (!result.ok) {
      // The API's own error body, so scripts can match the same codes as HTTP clients.
      throw new Error(`Cannot apply ${options.coupon} to ${options.customer}: ${JSON.stringify(failureBody(result.failure))}`);
    }
    process.stdout.write(`${JSON.stringify(serializeAppliedCoupon(result.value), null, 2)}\n`);
  }

  @Option({ flags: '--customer <external_id>', description: "the customer's external id", required: true })
  parseCustomer(value: string): string {
    return value;
  }

  @Option({ flags: '--coupon <code>', description: 'the coupon code', required: true })
  parseCoupon(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name (optional when there is only one)' })
  parseOrganization(value: string): string {
    return value;
  }
}
