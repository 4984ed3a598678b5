import { isCurrencyCode } from './currencies';

/** A currency ISO 4217 no longer lists, and the code that replaced it. */
export interface WithdrawnCurrency {
  readonly code: string;
  readonly successor: string;
  /** Year the successor took over. */
  readonly replacedIn: number;
}

/**
 * Codes some billing systems still offer (Hyperline's currency list does) although ISO 4217 has withdrawn
 * them. They are no money we can hold amounts in, but a client sending one deserves to be told what to
 * send instead rather than a bare "invalid".
 */
const WITHDRAWN: readonly WithdrawnCurrency[] = [
  { code: 'BYR', successor: 'BYN', replacedIn: 2016 },
  { code: 'HRK', successor: 'EUR', replacedIn: 2023 },
  { code: 'MRO', successor: 'MRU', replacedIn: 2018 },
  { code: 'SLL', successor: 'SLE', replacedIn: 2022 },
  { code: 'STD', successor: 'STN', replacedIn: 2018 },
  { code: 'VEF', successor: 'VES', replacedIn: 2018 },
  { code: 'ZWL', successor: 'ZWG', replacedIn: 2024 },
];

const BY_CODE: ReadonlyMap<string, WithdrawnCurrency> = new Map(WITHDRAWN.map((entry) => [entry.code, entry]));

/** The withdrawn codes, sorted. */
export const WITHDRAWN_CURRENCY_CODES: readonly string[] = Object.freeze(WITHDRAWN.map((entry) => entry.code));

/** The withdrawal record of `value` (exact, case-sensitive, as currency codes are), or null. */
export function withdrawnCurrency(value: unknown): WithdrawnCurrency | null {
  if (typeof value !== 'string' || isCurrencyCode(value)) return null;
  return BY_CODE.get(value) ?? null;
}
