import { CURRENCY_CODES, currencyName } from '@coupons/domain';
import type { Option } from '../../ui/fields';

/** "EUR — Euro" for every ISO currency the API accepts, built once. */
export const CURRENCY_OPTIONS: Option[] = CURRENCY_CODES.map((code) => ({
  value: code,
  label: `${code} — ${currencyName(code) ?? code}`,
}));
