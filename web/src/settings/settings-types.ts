/** Wire shapes of the organization's people and keys (`/users`, `/invitations`, `/api_keys`), from the OpenAPI document. */
import type { components } from '../api/openapi';

type Schemas = components['schemas'];
export type UserListResponse = Schemas['UserListResponse'];
export type UserResponse = Schemas['UserResponse'];
export type Invitation = Schemas['Invitation'];
export type InvitationListResponse = Schemas['InvitationListResponse'];
/** Only the answer to the invitation's creation holds its link: the server keeps a hash of the token. */
export interface CreatedInvitationResponse {
  invitation: Invitation & { accept_url: string };
}
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyListResponse = Schemas['ApiKeyListResponse'];
/** Only the answer to the key's creation holds its value: the server keeps a hash of it. */
export interface CreatedApiKeyResponse {
  api_key: ApiKey & { value: string };
}
