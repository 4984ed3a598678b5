/** The sign-in routes: outside `/api/v1`, since they exist before (and without) a session. */
import { readJson, request } from '../api/client';
import type { InvitationPreviewResponse, SessionBody } from './auth-types';

const invitationPath = (token: string): string => `/auth/invitations/${encodeURIComponent(token)}`;

export const authApi = {
  session: async (): Promise<SessionBody> => readJson(await request('GET', '/auth/session')),
  signIn: async (email: string, password: string): Promise<SessionBody> =>
    readJson(await request('POST', '/auth/sign_in', { body: { email, password } })),
  signOut: async (csrfToken: string): Promise<void> => {
    await request('POST', '/auth/sign_out', { csrfToken });
  },
  changePassword: async (csrfToken: string, body: { current_password: string; new_password: string }): Promise<void> => {
    await request('PUT', '/auth/password', { body, csrfToken });
  },
  invitation: async (token: string): Promise<InvitationPreviewResponse> => readJson(await request('GET', invitationPath(token))),
  acceptInvitation: async (token: string, body: { name: string; password: string }): Promise<SessionBody> =>
    readJson(await request('POST', `${invitationPath(token)}/accept`, { body })),
};
