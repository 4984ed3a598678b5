/** Size limits enforced by the domain and mirrored by the admin UI's form hints. */
export const LIMITS = {
  nameMaxLength: 255,
  codeMaxLength: 255,
  descriptionMaxLength: 10000,
  maxInteger: Number.MAX_SAFE_INTEGER,
  /** Periods are stored in a 32-bit INT column (as in Lago), so larger values would overflow it. */
  frequencyDurationMax: 2_147_483_647,
  percentageMaxDecimals: 5,
  metadataMaxKeys: 50,
  metadataKeyMaxLength: 40,
  metadataValueMaxLength: 500,
  perPageDefault: 100,
  perPageMax: 1000,
} as const;

/** Length in characters (code points), which is what a utf8mb4 VARCHAR(n) limits. */
export function charLength(value: string): number {
  return Array.from(value).length;
}
