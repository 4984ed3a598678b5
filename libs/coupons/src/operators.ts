/**
 * Operators: the people who sign in to the dashboard. Their roles, what each role may do, and the limits of
 * accounts, sessions and invitations. The server enforces these on every route; the dashboard reads the same
 * table only to hide what a role could not do anyway.
 */
import { isBlank } from './codes';
import { ERROR_KEYS, type FieldErrors, addError, isOneOf } from './enums';

export const OPERATOR_ROLES = ['admin', 'manager', 'viewer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/**
 * What a request asks to do, by the resource it touches:
 * - `read`: any GET;
 * - `operate`: writes to coupons, promotion codes and batches, customers, plans and metrics, applied coupons
 *   and invoice discounts — the day-to-day work of a billing team;
 * - `administer`: users, invitations, API keys and webhook endpoints (including redelivery) — what changes who
 *   can reach the organization or where its data goes.
 */
export const OPERATOR_PERMISSIONS = ['read', 'operate', 'administer'] as const;
export type OperatorPermission = (typeof OPERATOR_PERMISSIONS)[number];

const ALLOWED: Record<OperatorRole, readonly OperatorPermission[]> = {
  admin: ['read', 'operate', 'administer'],
  manager: ['read', 'operate'],
  viewer: ['read'],
};

export function roleAllows(role: OperatorRole, permission: OperatorPermission): boolean {
  return ALLOWED[role].includes(permission);
}

export const isOperatorRole = (value: unknown): value is OperatorRole => isOneOf(OPERATOR_ROLES, value);

/** Lago's keys where it has one (`invalid_email_format`); the rest read the same way. */
export const OPERATOR_ERROR_KEYS = {
  invalid_email_format: 'invalid_email_format',
  value_is_too_short: 'value_is_too_short',
  /** Demoting or removing the organization's only admin: nobody could manage its people and keys any more. */
  last_admin: 'last_admin',
} as const;

export const OPERATOR_LIMITS = {
  passwordMinLength: 12,
  /** argon2 hashes whatever it is given; a cap keeps a megabyte "password" from costing a megabyte of work. */
  passwordMaxLength: 256,
  emailMaxLength: 254,
  /** A person's display name and an API key's label. */
  nameMaxLength: 255,
  invitationValidDays: 7,
  sessionIdleHours: 12,
  /** Failed sign-ins for one email address within the window before further attempts get a 429. */
  signInMaxFailures: 5,
  signInWindowMinutes: 15,
} as const;

/** A single address, as people type it: something@domain.tld with no spaces. Mail servers decide the rest. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails are compared case-insensitively and without surrounding blanks. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailError(value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && isBlank(value))) return ERROR_KEYS.value_is_mandatory;
  if (typeof value !== 'string') return ERROR_KEYS.value_is_invalid;
  const email = normalizeEmail(value);
  if (Array.from(email).length > OPERATOR_LIMITS.emailMaxLength) return ERROR_KEYS.value_is_out_of_range;
  return EMAIL_PATTERN.test(email) ? null : OPERATOR_ERROR_KEYS.invalid_email_format;
}

/** Length counts characters (code points), so a passphrase of emoji is measured as a person reads it. */
export function passwordError(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return ERROR_KEYS.value_is_mandatory;
  if (typeof value !== 'string') return ERROR_KEYS.value_is_invalid;
  const length = Array.from(value).length;
  if (length < OPERATOR_LIMITS.passwordMinLength) return OPERATOR_ERROR_KEYS.value_is_too_short;
  if (length > OPERATOR_LIMITS.passwordMaxLength) return ERROR_KEYS.value_is_out_of_range;
  return null;
}

/** A person's name, as they want it shown: required, at most `nameMaxLength` characters. */
export function nameError(value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && isBlank(value))) return ERROR_KEYS.value_is_mandatory;
  if (typeof value !== 'string') return ERROR_KEYS.value_is_invalid;
  return Array.from(value.trim()).length > OPERATOR_LIMITS.nameMaxLength ? ERROR_KEYS.value_is_out_of_range : null;
}

/** An API key's label is optional (keys made before labels existed have none). */
export function apiKeyNameError(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return ERROR_KEYS.value_is_invalid;
  return Array.from(value.trim()).length > OPERATOR_LIMITS.nameMaxLength ? ERROR_KEYS.value_is_out_of_range : null;
}

export function roleError(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return ERROR_KEYS.value_is_mandatory;
  return isOperatorRole(value) ? null : ERROR_KEYS.value_is_invalid;
}

/** The errors of an invitation's input (`email`, `role`), empty when it is valid. */
export function invitationErrors(input: { email?: unknown; role?: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  const email = emailError(input.email);
  if (email) addError(errors, 'email', email);
  const role = roleError(input.role);
  if (role) addError(errors, 'role', role);
  return errors;
}

/**
 * Whether changing a user from `role` to `newRole` (`null`: removing them) would leave the organization, which
 * has `adminCount` admins, without any.
 */
export function leavesNoAdmin(role: OperatorRole, newRole: OperatorRole | null, adminCount: number): boolean {
  return role === 'admin' && newRole !== 'admin' && adminCount <= 1;
}

export function invitationExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + OPERATOR_LIMITS.invitationValidDays * 86_400_000);
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Where an invitation stands: used and revoked are final, whatever its date; otherwise its date decides. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return now.getTime() >= invitation.expiresAt.getTime() ? 'expired' : 'pending';
}

/** A session not used for the idle window is over, whatever its age. */
export function sessionIsIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= OPERATOR_LIMITS.sessionIdleHours * 3_600_000;
}

/** The start of the window whose failures count against the next sign-in. */
export function signInWindowStart(now: Date): Date {
  return new Date(now.getTime() - OPERATOR_LIMITS.signInWindowMinutes * 60_000);
}

export function signInThrottled(failuresInWindow: number): boolean {
  return failuresInWindow >= OPERATOR_LIMITS.signInMaxFailures;
}
