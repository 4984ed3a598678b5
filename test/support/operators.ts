import { randomBytes } from 'node:crypto';
import type { OperatorRole } from '@coupons/domain';
import { createConnection } from 'mysql2/promise';
import { OrganizationsRepository } from '../../apps/api/src/organizations/organizations.repository';
import { CreateUserService } from '../../apps/api/src/users/create-user.service';
import type { ApiResponse } from './api-client';
import type { TestApp } from './test-app';

/** The organization of `startTestApp`'s own API key: operators made without one share its data. */
export const TEST_ORGANIZATION = 'Test organization';
export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface Operator {
  email: string;
  password: string;
  lagoId: string;
}

/** A signed-in browser, as far as the API can tell: its cookie and the session's CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

export const uniqueEmail = (prefix = 'operator') => `${prefix}-${randomBytes(4).toString('hex')}@example.com`;

/** A user made through the service the CLI's `users:create` uses (the organization is created if needed). */
export async function createOperator(
  t: Pick<TestApp, 'app'>,
  options: { email?: string; role: OperatorRole; password?: string; organization?: string; name?: string },
): Promise<Operator> {
  const { email = uniqueEmail(options.role), role, password = DEFAULT_PASSWORD, organization = TEST_ORGANIZATION, name } = options;
  const found = await t.app.get(OrganizationsRepository).findOrCreate(organization);
  const result = await t.app.get(CreateUserService).call(found, { email, role, password, name });
  if (!result.ok) throw new Error(`createOperator(${email}): ${JSON.stringify(result.failure)}`);
  return { email: result.value.email, password, lagoId: result.value.lagoId };
}

/** `coupons_session=…` from a response's Set-Cookie, as a browser would send it back. */
export function sessionCookieOf(response: { headers: Headers }): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)(coupons_session=[^;]*)/.exec(setCookie);
  if (!match) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return match[1];
}

/** Signs in over plain HTTP, as the dashboard does. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/auth/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrf_token?: string };
  if (response.status !== 200 || !body.csrf_token) throw new Error(`sign-in of ${email}: ${response.status} ${JSON.stringify(body)}`);
  return { cookie: sessionCookieOf(response), csrfToken: body.csrf_token };
}

/**
 * A request with a session's cookie and, unless `csrf` says otherwise, its CSRF token (what the dashboard
 * sends). `csrf: null` leaves the header out; a string sends that instead.
 */
export async function sessionRequest<T = any>(
  baseUrl: string,
  session: Session,
  method: string,
  path: string,
  options: { body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { cookie: session.cookie, ...options.headers };
  const csrf = options.csrf === undefined ? session.csrfToken : options.csrf;
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** A statement on the suite's database, for what no API does (moving a clock back, reading a raw row). */
export async function sql<T = Record<string, unknown>>(t: TestApp, statement: string, params: unknown[] = []): Promise<T[]> {
  const connection = await createConnection(t.databaseUrl);
  try {
    const [rows] = await connection.query(statement, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}
