/**
 * Wire shapes of the sign-in routes (`/auth/…`), as the server sends them. Declared here until the
 * generated OpenAPI types cover them; the field names and types match the API exactly.
 */
import type { OperatorRole } from '@coupons/domain';

export interface Operator {
  lago_id: string;
  email: string;
  /** Given when an invitation is accepted; accounts made from the command line may have none. */
  name: string | null;
  role: OperatorRole;
  created_at: string;
}

/** What sign-in, `GET /auth/session` and accepting an invitation answer. */
export interface SessionBody {
  user: Operator;
  organization: { name: string };
  /** Sent back in the `X-CSRF-Token` header of every state-changing request of this session. */
  csrf_token: string;
}

export interface InvitationPreviewResponse {
  invitation: {
    email: string;
    role: OperatorRole;
    organization_name: string;
    expires_at: string;
  };
}
