/**
 * Wire shapes of the organization's people and keys (`/api/v1/users`, `/invitations`, `/api_keys`). Declared
 * here until the generated OpenAPI types cover them; the field names and types match the API exactly.
 */
import type { InvitationStatus, OperatorRole } from '@coupons/domain';
import type { Operator } from '../auth/auth-types';

export interface UserListResponse {
  users: Operator[];
}
export interface UserResponse {
  user: Operator;
}

export interface Invitation {
  lago_id: string;
  email: string;
  role: OperatorRole;
  status: InvitationStatus;
  expires_at: string;
  created_at: string;
}
export interface InvitationListResponse {
  invitations: Invitation[];
}
/** Only the answer to the invitation's creation holds its link: the server keeps a hash of the token. */
export interface CreatedInvitationResponse {
  invitation: Invitation & { accept_url: string };
}

export interface ApiKey {
  lago_id: string;
  /** Keys made before keys had names have none. */
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}
export interface ApiKeyListResponse {
  api_keys: ApiKey[];
}
/** Only the answer to the key's creation holds its value: the server keeps a hash of it. */
export interface CreatedApiKeyResponse {
  api_key: ApiKey & { value: string };
}
