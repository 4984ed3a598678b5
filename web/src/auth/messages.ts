/** Sentences for the error keys of operator forms (sign-in, invitations, users, password). */
import { OPERATOR_LIMITS, type OperatorRole } from '@coupons/domain';
import { ApiError } from '../api/client';
import { codeMessage, fieldErrorText, type FieldMessages } from '../coupons/error-messages';

const PASSWORD = {
  value_is_mandatory: 'Enter a password',
  value_is_too_short: `At least ${OPERATOR_LIMITS.passwordMinLength} characters`,
  value_is_out_of_range: `At most ${OPERATOR_LIMITS.passwordMaxLength} characters`,
};

export const OPERATOR_MESSAGES: FieldMessages = {
  email: {
    value_is_mandatory: 'Enter an email address',
    invalid_email_format: 'Enter an email address such as name@example.com',
    value_is_out_of_range: `At most ${OPERATOR_LIMITS.emailMaxLength} characters`,
    value_already_exist: 'This person already has an account',
  },
  password: PASSWORD,
  new_password: PASSWORD,
  current_password: { value_is_mandatory: 'Enter your current password', value_is_invalid: 'This is not your current password' },
  password_confirmation: { value_is_invalid: 'The two passwords differ' },
  name: { value_is_mandatory: 'Enter a name', value_is_out_of_range: `At most ${OPERATOR_LIMITS.nameMaxLength} characters` },
  role: {
    value_is_mandatory: 'Pick a role',
    value_is_invalid: 'Pick a role from the list',
    last_admin: 'The organization needs at least one admin: make someone else admin first',
  },
  base: { last_admin: 'The organization needs at least one admin: make someone else admin first' },
};

/** The password rule as a hint under password fields. */
export const PASSWORD_HINT = `At least ${OPERATOR_LIMITS.passwordMinLength} characters; a few unrelated words make a good one.`;

export const ROLE_LABELS = { admin: 'Admin', manager: 'Manager', viewer: 'Viewer' } satisfies Record<OperatorRole, string>;

/** What each role may do, in the words of the screens. */
export const ROLE_DESCRIPTIONS = {
  admin: 'everything, including people, API keys and webhooks',
  manager: 'coupons, promotion codes, customers and applying coupons',
  viewer: 'read only',
} satisfies Record<OperatorRole, string>;

/** Failures of a whole request (not of one field), by the code the server answers. */
const BY_CODE: Record<string, string> = {
  user_not_found: 'This person no longer has an account. Reload the page.',
  invitation_not_found: 'This invitation no longer exists. Reload the page.',
  api_key_not_found: 'This API key no longer exists. Reload the page.',
  role_not_allowed: 'Your role does not allow this. Ask an admin.',
  csrf_token_invalid: 'Your session could not be confirmed. Reload the page and try again.',
};

/** One sentence for a refused request: its `base` error, its code, or the server's text. */
export function operatorFailure(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  return fieldErrorText(error.details, 'base', OPERATOR_MESSAGES) ?? BY_CODE[error.code ?? ''] ?? codeMessage(error.code, error.message);
}
