import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { DataSource, EntityManager } from 'typeorm';
import { computeInvoiceDiscount, InvoiceInput, parseInvoiceInput } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, CreditEntity, InvoiceDiscountEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { lockCustomer } from '../database/locks';
import { inTransaction } from '../database/transactions';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { loadDiscountInputs } from './discount-inputs';
import { InvoiceDiscountView } from './invoice-discount.serializer';
import { findInvoiceDiscount, storedView } from './stored-invoice-discount';

const requestHash = (invoice: InvoiceInput) => createHash('sha256').update(stableStringify(invoice)).digest('hex');

/**
 * POST /invoice_discounts: computes and records the credits, moving the applied coupons' remaining
 * amounts and periods. Idempotent per external_invoice_id: the same body replays the first result.
 */
@Injectable()
export class CommitInvoiceDiscountService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<InvoiceDiscountView>> {
    const { invoice, errors } = parseInvoiceInput(input, { requireExternalInvoiceId: true });
    if (hasErrors(errors)) return invalid(errors);
    try {
      return await inTransaction(this.dataSource, (manager) => this.commit(manager, organization, invoice));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same external_invoice_id was committed concurrently for another customer: answer as a retry would.
      return this.replay(this.dataSource.manager, organization, invoice);
    }
  }

  private async commit(manager: EntityManager, organization: Organization, invoice: InvoiceInput): Promise<Result<InvoiceDiscountView>> {
    // The customer's lock orders this commit with the customer's applies, voids and other commits.
    const customer = await lockCustomer(manager, { organizationId: organization.id, externalId: invoice.externalCustomerId });
    if (!customer) return notFound('customer_not_found');
    if (await findInvoiceDiscount(manager, organization.id, invoice.externalInvoiceId!)) return this.replay(manager, organization, invoice);

    const { coupons, appliedById } = await loadDiscountInputs(manager, customer.id);
    const result = computeInvoiceDiscount(invoice, coupons);
    const record = manager.getRepository(InvoiceDiscountEntity).create({
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
    await manager.getRepository(InvoiceDiscountEntity).insert(record);

    const now = new Date();
    for (const credit of result.credits) {
      const applied = appliedById.get(credit.appliedCouponId)!;
      const update = result.couponUpdates.find((candidate) => candidate.appliedCouponId === credit.appliedCouponId)!;
      await manager.getRepository(CreditEntity).insert({
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
      });
      await manager.getRepository(AppliedCouponEntity).update(
        { id: applied.id },
        {
          amountCentsRemaining: update.amountCentsRemaining,
          frequencyDurationRemaining: update.frequencyDurationRemaining,
          ...(update.terminate ? { status: 'terminated' as const, terminatedAt: now } : {}),
        },
      );
    }
    return success(await storedView(manager, record));
  }

  private async replay(manager: EntityManager, organization: Organization, invoice: InvoiceInput): Promise<Result<InvoiceDiscountView>> {
    const existing = await findInvoiceDiscount(manager, organization.id, invoice.externalInvoiceId!);
    if (!existing || existing.requestHash !== requestHash(invoice)) return invalidField('external_invoice_id', 'value_already_exist');
    return success(await storedView(manager, existing));
  }
}
