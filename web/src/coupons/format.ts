/** How coupon attributes read in tables and on the coupon page. */
import type { Coupon } from '../api/types';
import type { BadgeTone } from '../ui/Badge';
import { formatMoney, formatPercentage } from './money';
import { COUPON_TYPE_LABELS, FREQUENCY_LABELS, STATUS_LABELS } from './labels';

export function couponValue(coupon: Pick<Coupon, 'coupon_type' | 'amount_cents' | 'amount_currency' | 'percentage_rate'>): string {
  if (coupon.coupon_type === 'percentage') return coupon.percentage_rate ? formatPercentage(coupon.percentage_rate) : '—';
  if (coupon.amount_cents === null || !coupon.amount_currency) return '—';
  return formatMoney(coupon.amount_cents, coupon.amount_currency);
}

export function couponTypeLabel(type: Coupon['coupon_type']): string {
  return COUPON_TYPE_LABELS[type];
}

export function frequencyLabel(coupon: Pick<Coupon, 'frequency' | 'frequency_duration'>): string {
  if (coupon.frequency !== 'recurring') return FREQUENCY_LABELS[coupon.frequency];
  const periods = coupon.frequency_duration ?? 0;
  return `${FREQUENCY_LABELS.recurring} · ${periods} ${periods === 1 ? 'period' : 'periods'}`;
}

export function redemptionsLabel(coupon: Pick<Coupon, 'redemptions_count' | 'max_redemptions'>): string {
  return `${coupon.redemptions_count} / ${coupon.max_redemptions ?? '∞'}`;
}

export function statusBadge(status: 'active' | 'terminated'): { tone: BadgeTone; label: string } {
  return { tone: status === 'active' ? 'success' : 'neutral', label: STATUS_LABELS[status] };
}
