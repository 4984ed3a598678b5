import { Injectable } from '@nestjs/common';
import { buildPromotionCodeUpdate, StoredPromotionCode } from '@coupons/domain';
import { invalid, notFound, Result, success } from '../common/result';
import { CouponsRepository } from '../coupons/coupons.repository';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { PromotionCodeRecord, serializePromotionCode } from './promotion-code.serializer';
import { PromotionCodesRepository } from './promotion-codes.repository';

/**
 * PUT /promotion_codes/:code: `active`, `metadata` and `expires_at` change; any other field sent with
 * another value is `value_is_locked`. There is no delete: a code is deactivated.
 */
@Injectable()
export class UpdatePromotionCodeService {
  constructor(
    private readonly coupons: CouponsRepository,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, code: string, input: JsonObject): Promise<Result<PromotionCodeRecord>> {
    const record = await this.promotionCodes.findRecord(organization.id, code);
    if (!record) return notFound('promotion_code_not_found');
    const { promotionCode } = record;
    const coupon = (await this.coupons.findById(promotionCode.couponId))!;
    const stored: StoredPromotionCode = {
      couponCode: record.couponCode,
      code: promotionCode.code,
      active: promotionCode.active,
      maxRedemptions: promotionCode.maxRedemptions,
      expiresAt: promotionCode.expiresAt,
      restrictions: { ...promotionCode.restrictions },
      metadata: promotionCode.metadata ?? {},
    };
    const validated = buildPromotionCodeUpdate(input, stored, coupon, new Date());
    if (!validated.ok) return invalid(validated.errors);
    const { active, metadata, expiresAt } = validated.attributes;
    const updated = await this.transactions.run(async (tx) => {
      await this.promotionCodes.update(promotionCode.id, { active, metadata, expiresAt }, tx);
      // Read back: redemptions may have moved meanwhile, and the answer shows the code as it is now.
      const after = (await this.promotionCodes.findRecord(organization.id, promotionCode.code, tx))!;
      const data = { promotion_code: serializePromotionCode(after) };
      await this.events.record(tx, { ...originOf(organization), type: 'promotion_code.updated', objectId: promotionCode.lagoId, data });
      return after;
    });
    return success(updated);
  }
}
