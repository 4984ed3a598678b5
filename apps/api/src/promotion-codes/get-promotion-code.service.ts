import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import type { PromotionCodeRecord } from './promotion-code.serializer';
import { PromotionCodesRepository } from './promotion-codes.repository';

/** GET /promotion_codes/:code, ignoring case. */
@Injectable()
export class GetPromotionCodeService {
  constructor(private readonly promotionCodes: PromotionCodesRepository) {}

  async call(organization: Organization, code: string): Promise<Result<PromotionCodeRecord>> {
    const record = await this.promotionCodes.findRecord(organization.id, code);
    return record ? success(record) : notFound('promotion_code_not_found');
  }
}
