import { Command, CommandRunner, Option } from 'nest-commander';
import { formatMinorUnits } from '@coupons/domain';
import { serializeAppliedCouponWithCredits } from '#api/applied-coupons/applied-coupon.serializer';
import { AppliedCouponsQuery } from '#api/applied-coupons/applied-coupons.query';
import { CustomersService } from '#api/catalog/customers.service';
import { failureBody } from '#api/http/error-body';
import { OrganizationLookupService } from './organization-lookup.service';

interface ListOptions {
  customer: string;
  organization: string;
}

type Listed = ReturnType<typeof serializeAppliedCouponWithCredits>;

const money = (cents: number, currency: string) => `${formatMinorUnits(cents, currency)} ${currency}`;

function discount(applied: Listed): string {
  if (applied.percentage_rate !== null) return `${applied.percentage_rate}%`;
  return applied.amount_cents !== null && applied.amount_currency !== null ? money(applied.amount_cents, applied.amount_currency) : '-';
}

function frequency(applied: Listed): string {
  return applied.frequency === 'recurring' ? `recurring ×${applied.frequency_duration}` : applied.frequency;
}

/** What is left to give: an amount (fixed once) or a number of invoices (recurring). */
function remaining(applied: Listed): string {
  if (applied.amount_cents_remaining !== null && applied.amount_currency !== null) return money(applied.amount_cents_remaining, applied.amount_currency);
  if (applied.frequency_duration_remaining !== null) return `${applied.frequency_duration_remaining} of ${applied.frequency_duration} periods`;
  return '-';
}

function credited(applied: Listed): string {
  const byCurrency = new Map<string, number>();
  for (const credit of applied.credits) byCurrency.set(credit.amount_currency, (byCurrency.get(credit.amount_currency) ?? 0) + credit.amount_cents);
  return [...byCurrency].map(([currency, cents]) => money(cents, currency)).join(' + ') || '-';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

@Command({
  name: 'applied-coupons:list',
  description: "A customer's applied coupons, newest first, with what each has left to give and has credited",
})
export class AppliedCouponsListCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationLookupService,
    private readonly customers: CustomersService,
    private readonly query: AppliedCouponsQuery,
  ) {
    super();
  }

  async run(_params: string[], options: ListOptions): Promise<void> {
    const organization = await this.organizations.find(options.organization);
    const customer = await this.customers.find(organization.id, options.customer);
    if (!customer.ok) throw new Error(`Cannot list ${options.customer}: ${JSON.stringify(failureBody(customer.failure))}`);
    const listed: Listed[] = [];
    for (let page = 1; ; page++) {
      const { records, meta } = await this.query.call(organization.id, { page, per_page: 1000 }, customer.value.id);
      listed.push(...records.map(serializeAppliedCouponWithCredits));
      if (meta.next_page === null) break;
    }
    const header = ['LAGO_ID', 'COUPON', 'STATUS', 'DISCOUNT', 'FREQUENCY', 'REMAINING', 'CREDITED', 'APPLIED_AT', 'TERMINATED_AT'];
    const rows = listed.map((applied) => [
      applied.lago_id, applied.coupon_code, applied.status, discount(applied), frequency(applied), remaining(applied), credited(applied),
      applied.created_at ?? '-', applied.terminated_at ?? '-',
    ]);
    process.stdout.write(`${table([header, ...rows])}\n`);
    process.stderr.write(`${listed.length} applied coupon(s) for ${options.customer} in "${organization.name}".\n`);
  }

  @Option({ flags: '--customer <external_id>', description: "the customer's external id", required: true })
  parseCustomer(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name', required: true })
  parseOrganization(value: string): string {
    return value;
  }
}
