import { formatDisplayDate, formatUtc } from '../coupons/datetime';

/**
 * An instant from the API in the operator's own time zone, with the UTC time on hover (`title`) and in
 * `dateTime` for machines. A missing or unreadable value shows `fallback`.
 */
export function DateTime({ value, seconds = false, fallback = '—' }: { value: string | null; seconds?: boolean; fallback?: string }) {
  const utc = formatUtc(value);
  if (value === null || utc === null) return <>{fallback}</>;
  return (
    <time dateTime={value} title={utc}>
      {formatDisplayDate(value, { seconds })}
    </time>
  );
}
