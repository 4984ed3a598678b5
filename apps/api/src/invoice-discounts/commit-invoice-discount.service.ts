import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { computeInvoiceDiscount, hasErrors, InvoiceInput, parseInvoiceInput } from '@coupons/domain';
import { serializeAppliedCoupon } from '../applied-coupons/applied-coupon.serializer';
import { AppliedCouponsRepository } from '../applied-coupons/applied-coupons.repository';
import { CustomersRepository } from '../catalog/customers.repository';
import { invalid, invalidField, notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, InvoiceDiscountEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { Transaction, TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { DiscountInputsLoader } from './discount-inputs';
import { InvoiceDiscountView, serializeInvoiceDiscount } from './invoice-discount.serializer';
import { InvoiceDiscountsRepository } from './invoice-discounts.repository';
import { storedView } from './stored-invoice-discount';

const requestHash = (invoice: InvoiceInput) => createHash('sha256').update(stableStringify(invoice)).digest('hex');

/**
 * POST /invoice_discounts: computes and records the credits, moving the applied coupons' remaining
 * amounts and periods. Idempotent per external_invoice_id: the same body replays the first result.
 */
@Injectable()
export class CommitInvoiceDiscountService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly customers: CustomersRepository,
    private readonly invoiceDiscounts: InvoiceDiscountsRepository,
    private readonly discountInputs: DiscountInputsLoader,
    private readonly events: EventsRecorder,
    private readonly appliedCoupons: AppliedCouponsRepository,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<InvoiceDiscountView>> {
    const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: true });
    if (hasErrors(errors)) return invalid(errors);
    try {
      return await this.transactions.run((tx) => this.commit(tx, organization, invoice));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same external_invoice_id was committed concurrently for another customer: answer as a retry would.
      return this.replay(organization, invoice);
    }
  }

  private async commit(tx: Transaction, organization: Organization, invoice: InvoiceInput): Promise<Result<InvoiceDiscountView>> {
    // The customer's lock orders this commit with the customer's applies, voids and other commits.
    const customer = await this.customers.lock({ organizationId: organization.id, externalId: invoice.externalCustomerId }, tx);
    if (!customer) return notFound('customer_not_found');
    if (await this.invoiceDiscounts.findByExternalInvoiceId(organization.id, invoice.externalInvoiceId!, tx)) {
      return this.replay(organization, invoice, tx);
    }

    const { coupons, appliedById } = await this.discountInputs.load(customer.id, tx);
    const result = computeInvoiceDiscount(invoice, coupons);
    const record = Object.assign(new InvoiceDiscountEntity(), {
      lagoId: randomUUID(),
      organizationId: organization.id,
      customerId: customer.id,
      externalInvoiceId: invoice.externalInvoiceId!,
      requestHash: requestHash(invoice),
      status: 'committed',
      currency: invoice.currency,
      feesAmountCents: result.feesAmountCents,
      couponsAmountCents: result.couponsAmountCents,
      fees: result.fees,
      voidedAt: null,
      createdAt: new Date(),
    });
    await this.invoiceDiscounts.insert(record, tx);

    const now = new Date();
    const exhausted: AppliedCouponEntity[] = [];
    for (const credit of result.credits) {
      const applied = appliedById.get(credit.appliedCouponId)!;
      const update = result.couponUpdates.find((candidate) => candidate.appliedCouponId === credit.appliedCouponId)!;
      await this.invoiceDiscounts.insertCredit(
        {
          lagoId: randomUUID(),
          invoiceDiscountId: record.id,
          appliedCouponId: applied.id,
          amountCents: credit.amountCents,
          amountCurrency: credit.amountCurrency,
          fees: credit.fees,
          usedPeriod: applied.frequency === 'recurring',
          exhaustedCoupon: update.terminate,
          voidedAt: null,
          createdAt: now,
        },
        tx,
      );
      await this.invoiceDiscounts.updateAppliedCoupon(
        applied.id,
        {
          amountCentsRemaining: update.amountCentsRemaining,
          frequencyDurationRemaining: update.frequencyDurationRemaining,
          ...(update.terminate ? { status: 'terminated' as const, terminatedAt: now } : {}),
        },
        tx,
      );
      if (update.terminate) {
        const { amountCentsRemaining, frequencyDurationRemaining } = update;
        exhausted.push(Object.assign(applied, { amountCentsRemaining, frequencyDurationRemaining, status: 'terminated' as const, terminatedAt: now }));
      }
    }
    const view = storedView(await this.invoiceDiscounts.stored(record, tx));
    const data = { invoice_discount: serializeInvoiceDiscount(view) };
    const origin = originOf(organization);
    await this.events.record(tx, { ...origin, type: 'invoice_discount.committed', objectId: record.lagoId, data });
    // An applied coupon this invoice used up ends here, as one terminated by hand would: subscribers hear it too.
    for (const terminated of await this.appliedCoupons.records(exhausted)) {
      const applied = { applied_coupon: serializeAppliedCoupon(terminated) };
      await this.events.record(tx, { ...origin, type: 'applied_coupon.terminated', objectId: terminated.applied.lagoId, data: applied });
    }
    return success(view);
  }

  private async replay(organization: Organization, invoice: InvoiceInput, tx?: Transaction): Promise<Result<InvoiceDiscountView>> {
    const existing = await this.invoiceDiscounts.findByExternalInvoiceId(organization.id, invoice.externalInvoiceId!, tx);
    if (!existing || existing.requestHash !== requestHash(invoice)) return invalidField('external_invoice_id', 'value_already_exist');
    return success(storedView(await this.invoiceDiscounts.stored(existing, tx)));
  }
}
