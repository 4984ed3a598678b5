import type { FieldErrors } from '@coupons/domain';
import { ApiError, type ErrorBody } from '../http/error-body';

/** Why an invitation link cannot be used. */
export type InvitationProblem = 'invitation_not_found' | 'invitation_expired' | 'invitation_already_used';

const INVITATION_PROBLEMS: Record<InvitationProblem, ErrorBody> = {
  invitation_not_found: { status: 404, error: 'Not Found', code: 'invitation_not_found' },
  invitation_expired: { status: 410, error: 'Gone', code: 'invitation_expired' },
  invitation_already_used: { status: 409, error: 'Conflict', code: 'invitation_already_used' },
};

export const invitationProblem = (problem: InvitationProblem) => new ApiError(INVITATION_PROBLEMS[problem]);

/** The same answer for an unknown address and a wrong password: it must not tell which. */
export const invalidCredentials = () => new ApiError({ status: 401, error: 'Unauthorized', code: 'invalid_credentials' });

export const sessionRequired = () => new ApiError({ status: 401, error: 'Unauthorized', code: 'session_required' });

export const tooManySignInAttempts = () => new ApiError({ status: 429, error: 'Too Many Requests', code: 'too_many_sign_in_attempts' });

export const roleNotAllowed = () => new ApiError({ status: 403, error: 'Forbidden', code: 'role_not_allowed' });

/** A sign-in body without its fields: a 400, the request itself being unusable. */
export const signInBadRequest = (errors: FieldErrors) =>
  new ApiError({ status: 400, error: 'BadRequest', code: 'validation_errors', error_details: errors });
