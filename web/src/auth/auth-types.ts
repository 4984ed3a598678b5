/** Wire shapes of the sign-in routes (`/auth/…`), from the API's OpenAPI document. */
import type { components } from '../api/openapi';

type Schemas = components['schemas'];
export type Operator = Schemas['User'];
/** What sign-in, `GET /auth/session` and accepting an invitation answer. */
export type SessionBody = Schemas['Session'];
export type InvitationPreviewResponse = Schemas['PublicInvitationResponse'];
