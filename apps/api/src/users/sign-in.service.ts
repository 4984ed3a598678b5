import { Injectable } from '@nestjs/common';
import { ERROR_KEYS, OPERATOR_LIMITS, type FieldErrors, addError, emailError, hasErrors, normalizeEmail, signInThrottled, signInWindowStart } from '@coupons/domain';
import { OpenedSession, SessionsService } from './sessions.service';
import { passwordMatches, spendPasswordCheck } from './secrets';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { UsersRepository } from './users.repository';

export type SignInResult =
  | { kind: 'signed_in'; session: OpenedSession }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'invalid_credentials' }
  | { kind: 'throttled' };

/**
 * POST /auth/sign_in. After five failures for an address within 15 minutes every attempt is refused, the right
 * password included, until the oldest failure leaves the window; failures are counted for unknown addresses
 * too, so the throttle does not reveal which addresses have an account.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UsersRepository,
    private readonly failures: SignInFailuresRepository,
    private readonly sessions: SessionsService,
  ) {}

  async call(input: { email?: unknown; password?: unknown }, now = new Date()): Promise<SignInResult> {
    const errors: FieldErrors = {};
    const email = emailError(input.email);
    if (email) addError(errors, 'email', email);
    const { password } = input;
    if (password === undefined || password === null || password === '') addError(errors, 'password', ERROR_KEYS.value_is_mandatory);
    else if (typeof password !== 'string') addError(errors, 'password', ERROR_KEYS.value_is_invalid);
    if (hasErrors(errors)) return { kind: 'invalid', errors };

    const address = normalizeEmail(input.email as string);
    const windowStart = signInWindowStart(now);
    if (signInThrottled(await this.failures.countSince(address, windowStart))) return { kind: 'throttled' };

    const found = await this.users.findForSignIn(address);
    // No password that long was ever accepted: refused without hashing a megabyte.
    const tooLong = Array.from(password as string).length > OPERATOR_LIMITS.passwordMaxLength;
    let matches = false;
    if (!found || tooLong) await spendPasswordCheck(tooLong ? '' : (password as string));
    else matches = await passwordMatches(found.passwordHash, password as string);
    if (!found || !matches) {
      await this.failures.record(address, now, windowStart);
      return { kind: 'invalid_credentials' };
    }
    await this.failures.clear(address);
    return { kind: 'signed_in', session: await this.sessions.open(found.user, found.organizationName, now) };
  }
}
