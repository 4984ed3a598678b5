import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret for a cookie or a link: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are looked up by their SHA-256, so the table never holds a usable token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** argon2id with the library's defaults, which are OWASP's recommendation (19 MiB, 2 passes, 1 lane). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A hash the library cannot parse matches nothing.
    return false;
  }
}

let nobodysHash: Promise<string> | undefined;

/**
 * Spends the time of a real check when no user has the address, so that a wrong password and an unknown
 * address cannot be told apart by how long the answer takes.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  nobodysHash ??= hashPassword(newToken());
  await passwordMatches(await nobodysHash, password);
}
