import { useEffect } from 'react';
import type { Coupon, PromotionCodeBatch, PromotionCodeBatchListResponse } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { isUnfinished } from './format';

/** How often a batch being generated is asked about again. */
export const BATCH_POLL_MS = 1000;

/** The most batches one list request returns (the API's own cap). */
const PER_PAGE = 1000;

/**
 * The coupon's batches, newest first, asked about again while one is being generated.
 */
export function useCouponBatches(coupon: Coupon, version: number) {
  const api = useApi();
  const batches = useResource(async () => {
    const found: PromotionCodeBatch[] = [];
    for (let page = 1; ; page++) {
      const { promotion_code_batches, meta } = await api.get<PromotionCodeBatchListResponse>('/promotion_code_batches', {
        coupon_code: coupon.code,
        page,
        per_page: PER_PAGE,
      });
      found.push(...promotion_code_batches);
      if (!meta.next_page) return found;
    }
  }, `${coupon.code}#${version}`);

  const { data, reload } = batches;
  const generating = data?.some(isUnfinished) ?? false;
  useEffect(() => {
    if (!generating) return;
    const timer = setTimeout(reload, BATCH_POLL_MS);
    return () => clearTimeout(timer);
  }, [data, generating, reload]);
  return batches;
}
