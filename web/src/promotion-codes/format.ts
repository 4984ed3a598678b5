/** How promotion codes and batches read in tables. */
import type { PromotionCode, PromotionCodeBatch } from '../api/types';
import { formatMoney } from '../coupons/money';
import type { BadgeTone } from '../ui/Badge';

/** Inactive first: a deactivated code is refused whatever its dates and counts, as the API checks it. */
export function codeStatus(code: PromotionCode, now: Date): { tone: BadgeTone; label: string } {
  if (!code.active) return { tone: 'neutral', label: 'Inactive' };
  if (code.expires_at !== null && Date.parse(code.expires_at) <= now.getTime()) return { tone: 'warning', label: 'Expired' };
  if (code.max_redemptions !== null && code.redemptions_count >= code.max_redemptions) {
    return { tone: 'warning', label: 'Used up' };
  }
  return { tone: 'success', label: 'Active' };
}

/** "Only cus_acme · First-time · Min. €50.00", or "None". */
export function restrictionsSummary({ restrictions }: PromotionCode): string {
  const parts: string[] = [];
  if (restrictions.customer_external_id !== null) parts.push(`Only ${restrictions.customer_external_id}`);
  if (restrictions.first_time_transaction) parts.push('First-time customers');
  if (restrictions.minimum_amount_cents !== null && restrictions.minimum_amount_currency) {
    parts.push(`Min. ${formatMoney(restrictions.minimum_amount_cents, restrictions.minimum_amount_currency)}`);
  }
  return parts.length ? parts.join(' · ') : 'None';
}

/** 1000000 → "1,000,000", the same in every locale so that counts read alike in hints and tables. */
export const formatCount = (value: number): string => value.toLocaleString('en-US');

export function codeRedemptions(code: Pick<PromotionCode, 'redemptions_count' | 'max_redemptions'>): string {
  return `${code.redemptions_count} / ${code.max_redemptions ?? '∞'}`;
}

const BATCH_STATUS: Record<PromotionCodeBatch['status'], { tone: BadgeTone; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  generating: { tone: 'warning', label: 'Generating' },
  completed: { tone: 'success', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
};

export const batchStatus = (batch: PromotionCodeBatch) => BATCH_STATUS[batch.status];

/** Still being generated: worth asking about again. */
export const isUnfinished = (batch: PromotionCodeBatch): boolean => batch.status === 'pending' || batch.status === 'generating';

/** "SPRING-" + 10 random characters, as a template. */
export function batchTemplate(batch: Pick<PromotionCodeBatch, 'prefix' | 'length'>): string {
  return `${batch.prefix}${'•'.repeat(batch.length)}`;
}
