import { INVITATION_STATUSES, OPERATOR_LIMITS, OPERATOR_ROLES } from '@coupons/domain';
import { arrayOf, DATE_TIME, enumOf, nullable, objectSchema, ref, STRING, UUID } from '../http/common.openapi';

const EMAIL = { type: 'string', format: 'email', maxLength: OPERATOR_LIMITS.emailMaxLength, description: 'Compared case-insensitively' };
const PASSWORD = { type: 'string', minLength: OPERATOR_LIMITS.passwordMinLength, maxLength: OPERATOR_LIMITS.passwordMaxLength, description: 'Characters (code points)' };
const NAME = { type: 'string', maxLength: OPERATOR_LIMITS.nameMaxLength };

/** Request schema of POST /auth/sign_in. */
export const signInSchema = objectSchema({ email: EMAIL, password: { type: 'string' } });

/** Request schema of PUT /auth/password. */
export const changePasswordSchema = objectSchema({ current_password: { type: 'string' }, new_password: PASSWORD });

/** Request schema of POST /auth/invitations/:token/accept. */
export const acceptInvitationSchema = objectSchema({ name: NAME, password: PASSWORD });

/** Request schema of PUT /api/v1/users/:lago_id. */
export const userUpdateSchema = objectSchema({ user: objectSchema({ role: enumOf(OPERATOR_ROLES) }) });

/** Request schema of POST /api/v1/invitations. */
export const invitationCreateSchema = objectSchema({ invitation: objectSchema({ email: EMAIL, role: enumOf(OPERATOR_ROLES) }) });

const user = objectSchema({
  lago_id: UUID,
  email: STRING,
  name: nullable(STRING),
  role: enumOf(OPERATOR_ROLES),
  created_at: DATE_TIME,
});

const invitation = objectSchema(
  {
    lago_id: UUID,
    email: STRING,
    role: enumOf(OPERATOR_ROLES),
    status: enumOf(INVITATION_STATUSES),
    expires_at: DATE_TIME,
    created_at: DATE_TIME,
    accept_url: {
      type: 'string',
      example: '/invitations/0Jx…',
      description: "The link to send to the person (relative to the dashboard's address); in the answer to create only",
    },
  },
  ['accept_url'],
);

/** Named schemas of operators, sessions and invitations (`components.schemas`). */
export const userSchemas = {
  User: user,
  UserResponse: objectSchema({ user: ref('User') }),
  UserListResponse: objectSchema({ users: arrayOf(ref('User')) }),
  Session: objectSchema({
    user: ref('User'),
    organization: objectSchema({ name: STRING }),
    csrf_token: { type: 'string', description: 'Send it back as `X-CSRF-Token` on every request that is not a GET or HEAD' },
  }),
  Invitation: invitation,
  InvitationResponse: objectSchema({ invitation: ref('Invitation') }),
  InvitationListResponse: objectSchema({ invitations: arrayOf(ref('Invitation')) }),
  PublicInvitationResponse: objectSchema({
    invitation: objectSchema({ email: STRING, role: enumOf(OPERATOR_ROLES), organization_name: STRING, expires_at: DATE_TIME }),
  }),
};

export const userResponse = ref('UserResponse');
export const userListResponse = ref('UserListResponse');
export const sessionResponse = ref('Session');
export const invitationResponse = ref('InvitationResponse');
export const invitationListResponse = ref('InvitationListResponse');
export const publicInvitationResponse = ref('PublicInvitationResponse');
