import { Injectable } from '@nestjs/common';
import { addError, ERROR_KEYS, FieldErrors, hasErrors, InvoiceInput, isBlank, isPlainObject, parseInvoiceInput, promotionCodeLookupKey } from '@coupons/domain';
import { RedemptionChecks, newAppliedCoupon } from '../applied-coupons/redemption-checks';
import { Failure, invalid, Result, success } from '../common/result';
import type { CouponRecord } from '../coupons/coupon-record';
import { CouponsRepository } from '../coupons/coupons.repository';
import type { JsonObject } from '../http/root-object';
import { PreviewInvoiceDiscountService } from '../invoice-discounts/preview-invoice-discount.service';
import type { Organization } from '../organizations/organization';
import type { PromotionCodeValidation } from './promotion-code-validation.serializer';
import { PromotionCodesRepository } from './promotion-codes.repository';

interface ValidationInput {
  code: string;
  externalCustomerId: string;
  invoice: InvoiceInput | null;
}

/** `code` and `external_customer_id` are mandatory strings; whether they name anything is the checks' answer. */
function mandatoryString(input: JsonObject, field: string, errors: FieldErrors): string | null {
  const value = input[field];
  if (value === undefined || value === null || (typeof value === 'string' && isBlank(value))) {
    addError(errors, field, ERROR_KEYS.value_is_mandatory);
    return null;
  }
  if (typeof value === 'string') return value;
  addError(errors, field, ERROR_KEYS.value_is_invalid);
  return null;
}

/** The request's fields, every error at once; the invoice's own fields report under their own names. */
function parseValidation(input: JsonObject): Result<ValidationInput> {
  const errors: FieldErrors = {};
  const code = mandatoryString(input, 'code', errors);
  const externalCustomerId = mandatoryString(input, 'external_customer_id', errors);
  let invoice: InvoiceInput | null = null;
  if (input.invoice !== undefined && input.invoice !== null) {
    if (!isPlainObject(input.invoice)) {
      addError(errors, 'invoice', ERROR_KEYS.value_is_invalid);
    } else {
      // The invoice is the validation's customer's: an external_customer_id inside it is not looked at.
      const parsed = parseInvoiceInput({ ...input.invoice, external_customer_id: externalCustomerId }, { requireExternalInvoiceId: false });
      for (const [field, keys] of Object.entries(parsed.errors)) {
        if (field !== 'external_customer_id') for (const key of keys) addError(errors, field, key);
      }
      invoice = parsed.invoice;
    }
  }
  if (hasErrors(errors)) return invalid(errors);
  return success({ code: code!, externalCustomerId: externalCustomerId!, invoice });
}

/** The error key an apply would answer with: a 404's or 405's code, or the first field error's key. */
function reasonOf(failure: Failure): string {
  return failure.kind === 'validation' ? Object.values(failure.errors)[0][0] : failure.code;
}

/**
 * POST /promotion_codes/validate: whether an apply of the code for this customer would succeed now, and
 * if not, the error key it would give (the apply's own checks, run without a transaction); with an
 * invoice, the discount it would give, computed by the preview as if the code's coupon were applied now.
 * Nothing is written: no count moves, no row is added.
 */
@Injectable()
export class ValidatePromotionCodeService {
  constructor(
    private readonly checks: RedemptionChecks,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly coupons: CouponsRepository,
    private readonly preview: PreviewInvoiceDiscountService,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<PromotionCodeValidation>> {
    const parsed = parseValidation(input);
    if (!parsed.ok) return parsed;
    const { code, externalCustomerId, invoice } = parsed.value;
    const now = new Date();
    // The customer, the code, its coupon and (for the preview) the customer's applied coupons: one statement.
    const read = await this.promotionCodes.findForCheckout(organization.id, externalCustomerId, promotionCodeLookupKey(code), invoice !== null);
    const checked = await this.checks.checkPromotionCode(externalCustomerId, code, read, now);
    if (!checked.ok) return success(await this.refused(organization, code, reasonOf(checked.failure)));

    const redemption = checked.value;
    const { customer, coupon } = redemption;
    const promotionCode = redemption.promotionCode!;
    const invoiceDiscount = invoice
      ? await this.preview.compute(customer, invoice, {
          applied: newAppliedCoupon(redemption, organization.id, now),
          couponCode: coupon.code,
          couponType: coupon.couponType,
          limited: coupon.limitedPlans || coupon.limitedBillableMetrics,
          minimumAmountCents: promotionCode.restrictions.minimumAmountCents,
          minimumAmountCurrency: promotionCode.restrictions.minimumAmountCurrency,
        }, read.active)
      : null;
    return success({
      valid: true,
      reason: null,
      promotionCode: { promotionCode, couponLagoId: coupon.lagoId, couponCode: coupon.code, batchLagoId: read.batchLagoId },
      coupon: await this.coupons.record(coupon),
      invoiceDiscount,
    });
  }

  /** A refusal still shows the code and its coupon when they exist (a deleted coupon is not shown). */
  private async refused(organization: Organization, code: string, reason: string): Promise<PromotionCodeValidation> {
    const promotionCode = await this.promotionCodes.findRecord(organization.id, code);
    const coupon = promotionCode && (await this.coupons.findById(promotionCode.promotionCode.couponId));
    const couponRecord: CouponRecord | null = coupon && coupon.deletedAt === null ? await this.coupons.record(coupon) : null;
    return { valid: false, reason, promotionCode, coupon: couponRecord, invoiceDiscount: null };
  }
}
